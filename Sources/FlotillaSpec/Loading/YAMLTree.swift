import Yams

/// A YAML document converted once from Yams' nodes into a shape that is cheap to read: mapping
/// keys are indexed, children are shared references, and every node knows its source location.
final class YAMLTree {
    /// What the node is.
    enum Kind {
        /// A scalar, with whether it was written unquoted (numbers and booleans must be).
        case scalar(text: String, plain: Bool)
        case mapping
        case sequence
        case alias
    }

    let kind: Kind
    let location: SourceLocation
    /// Mapping entries in the order written.
    private(set) var pairs: [(key: YAMLTree, value: YAMLTree)] = []
    /// Sequence items in the order written.
    private(set) var items: [YAMLTree] = []
    /// Position in `pairs` of the first entry with each scalar key; only for large mappings,
    /// where it beats a linear scan (most spec mappings have a handful of keys).
    private var keyIndex: [String: Int]?
    private static let indexThreshold = 16

    init(_ node: Node, file: String, fallback: SourceLocation) {
        location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
        switch node {
        case .scalar(let scalar):
            kind = .scalar(text: scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .alias:
            kind = .alias
        case .sequence(let sequence):
            kind = .sequence
            items = sequence.map { YAMLTree($0, file: file, fallback: location) }
        case .mapping(let mapping):
            kind = .mapping
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyTree = YAMLTree(key, file: file, fallback: location)
                pairs.append((keyTree, YAMLTree(value, file: file, fallback: keyTree.location)))
            }
            if pairs.count > Self.indexThreshold {
                var index: [String: Int] = [:]
                for (position, pair) in pairs.enumerated() {
                    if case .scalar(let text, _) = pair.key.kind, index[text] == nil { index[text] = position }
                }
                keyIndex = index
            }
        }
    }

    /// The value under a scalar key.
    func value(for key: String) -> YAMLTree? {
        if let keyIndex { return keyIndex[key].map { pairs[$0].value } }
        return pairs.first { pair in
            if case .scalar(let text, _) = pair.key.kind { return text == key }
            return false
        }?.value
    }

    /// Whether the node is YAML null: `~`, `null` or nothing, unquoted.
    var isNull: Bool {
        guard case .scalar(let text, let plain) = kind else { return false }
        return plain && ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
