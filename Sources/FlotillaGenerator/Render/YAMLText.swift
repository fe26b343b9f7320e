import Yams

/// Turns typed artifact values into YAML text: ``NodeEncoder`` builds the node tree, Yams
/// (libyaml) emits it in block style with two-space indentation and literal blocks for multi-line
/// strings. Keys come in declaration order; maps are ``SortedMap``s, so sorted.
enum YAMLText {
    /// The header comment every generated YAML file starts with.
    static func header(source: String) -> String {
        "# Generated from \(source) by `flotilla generate`; do not edit.\n"
    }

    /// One value as a YAML document body (no `---`), ending in a newline.
    static func encode(_ value: some Encodable) throws -> String {
        try Yams.serialize(node: NodeEncoder().node(for: value), indent: 2, width: -1, allowUnicode: true)
    }

    /// A file of one or more documents, each after `---`, following the header comment.
    static func file(source: String, documents: [any Encodable & Sendable]) throws -> String {
        var text = header(source: source)
        if documents.count == 1 { return text + (try encode(documents[0])) }
        // Long streams (`--stdout` of a large system) are encoded on every core.
        let bodies =
            try documents.count > 64 ? Parallel.map(documents) { try encode($0) } : documents.map { try encode($0) }
        for body in bodies { text += "---\n" + body }
        return text
    }
}
