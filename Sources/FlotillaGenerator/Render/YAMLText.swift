import Yams

/// Turns typed artifact values into YAML text: ``NodeEncoder`` builds the slot tree and
/// ``BlockEmitter`` writes it in block style with two-space indentation, exactly as libyaml
/// would; a document with a scalar whose layout is libyaml's to decide (literal blocks for
/// multi-line strings, unusual characters) is emitted by Yams (libyaml) itself. Keys come in
/// declaration order; maps are ``SortedMap``s, so sorted.
enum YAMLText {
    /// The header comment every generated YAML file starts with.
    static func header(source: String) -> String {
        "# Generated from \(source) by `flotilla generate`; do not edit.\n"
    }

    /// A file of one or more documents, each after `---`, following the header comment.
    static func file(source: String, documents: [any Encodable & Sendable]) throws -> String {
        // Long streams (`--stdout` of a large system) are encoded on every core.
        if documents.count > 64 {
            let bodies = try Parallel.map(documents) { try body($0) }
            return header(source: source) + bodies.map { "---\n" + $0 }.joined()
        }
        var emitter = BlockEmitter()
        emitter.append(header(source: source))
        for document in documents {
            if documents.count > 1 { emitter.append("---\n") }
            try append(document, to: &emitter)
        }
        return emitter.text
    }

    /// One value as a YAML document body (no `---`), ending in a newline.
    static func body(_ value: some Encodable) throws -> String {
        var emitter = BlockEmitter()
        try append(value, to: &emitter)
        return emitter.text
    }

    private static func append(_ value: some Encodable, to emitter: inout BlockEmitter) throws {
        let encoder = NodeEncoder()
        let slot = try encoder.slot(for: value)
        if !emitter.document(slot) { emitter.append(try libyaml(encoder.node(of: slot))) }
    }

    /// The document as Yams (libyaml) emits it.
    static func libyaml(_ node: Node) throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
    }
}
