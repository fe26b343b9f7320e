import Yams

/// Read access to a Yams node with source locations, tolerant of absence: a missing child reads
/// as absent, never traps. The model builder reads through this after the structural check has
/// reported every shape problem, so it can simply skip what is malformed.
struct YAMLNode {
    let node: Node?
    let file: String
    /// The node's position, or the nearest enclosing node's when absent.
    let location: SourceLocation

    init(_ node: Node?, file: String, fallback: SourceLocation) {
        self.node = node
        self.file = file
        self.location =
            node.flatMap { $0.mark }.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? fallback
    }

    /// Whether a non-null value is present.
    var isPresent: Bool {
        guard let node else { return false }
        if case .scalar(let scalar) = node, scalar.isNull { return false }
        return true
    }

    /// The mapping's pairs, or empty.
    var pairs: [(key: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let mapping)? = node else { return [] }
        return mapping.map { (child($0.key), child($0.value)) }
    }

    /// The value under `key` in a mapping.
    subscript(key: String) -> YAMLNode {
        guard case .mapping(let mapping)? = node else { return child(nil) }
        return child(mapping.first { $0.key.scalar?.string == key }?.value)
    }

    /// Dictionary entries whose keys are strings, in order written.
    var entries: [(key: Located<String>, value: YAMLNode)] {
        pairs.compactMap { pair in pair.key.scalarText.map { (Located($0, at: pair.key.location), pair.value) } }
    }

    /// Sequence items, or empty.
    var items: [YAMLNode] {
        guard case .sequence(let sequence)? = node else { return [] }
        return sequence.map { child($0) }
    }

    /// The text of a non-null scalar.
    var scalarText: String? {
        guard case .scalar(let scalar)? = node, !scalar.isNull else { return nil }
        return scalar.string
    }

    /// A plain (unquoted) scalar's text: numbers and booleans must not be quoted.
    var plainText: String? {
        guard case .scalar(let scalar)? = node, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    var string: String? { scalarText }
    var locatedString: Located<String>? { scalarText.map { Located($0, at: location) } }
    var int: Int? { plainText.flatMap { Int($0) } }
    var locatedInt: Located<Int>? { int.map { Located($0, at: location) } }
    var double: Double? { plainText.flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil } }
    var bool: Bool? {
        switch plainText {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }
    var duration: Duration? { scalarText.flatMap(ScalarSyntax.duration) }

    private func child(_ node: Node?) -> YAMLNode { YAMLNode(node, file: file, fallback: location) }
}

extension Node.Scalar {
    /// Whether the scalar is YAML null: `~`, `null` or nothing, unquoted.
    var isNull: Bool {
        (style == .plain || style == .any) && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}
