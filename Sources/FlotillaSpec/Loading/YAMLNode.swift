/// Read access to a YAML tree, tolerant of absence: a missing child reads as absent, never traps.
/// The model builder reads through this after the structural check has reported every shape
/// problem, so it can simply skip what is malformed.
struct YAMLNode {
    let tree: YAMLTree?
    /// The node's position, or the nearest enclosing node's when absent.
    let location: SourceLocation

    init(_ tree: YAMLTree?, fallback: SourceLocation) {
        self.tree = tree
        self.location = tree?.location ?? fallback
    }

    /// Whether a non-null value is present.
    var isPresent: Bool { tree.map { !$0.isNull } ?? false }

    var isMapping: Bool {
        if case .mapping? = tree?.kind { return true }
        return false
    }

    /// The mapping's pairs, or empty.
    var pairs: [(key: YAMLNode, value: YAMLNode)] {
        (tree?.pairs ?? []).map { (YAMLNode($0.key, fallback: location), YAMLNode($0.value, fallback: location)) }
    }

    /// The value under `key` in a mapping.
    subscript(key: String) -> YAMLNode { YAMLNode(tree?.value(for: key), fallback: location) }

    /// Dictionary entries whose keys are strings, in order written.
    var entries: [(key: Located<String>, value: YAMLNode)] {
        pairs.compactMap { pair in pair.key.scalarText.map { (Located($0, at: pair.key.location), pair.value) } }
    }

    /// Sequence items, or empty.
    var items: [YAMLNode] { (tree?.items ?? []).map { YAMLNode($0, fallback: location) } }

    /// The text of a non-null scalar.
    var scalarText: String? {
        guard let tree, !tree.isNull, case .scalar(let text, _) = tree.kind else { return nil }
        return text
    }

    /// A plain (unquoted) scalar's text: numbers and booleans must not be quoted.
    var plainText: String? {
        guard case .scalar(let text, true)? = tree?.kind else { return nil }
        return text
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

    /// `a mapping`, `a list`, `nothing`, `'text'` …, for type errors.
    var kindDescription: String {
        guard let tree, !tree.isNull else { return "nothing" }
        switch tree.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let text, _): return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
    }
}
