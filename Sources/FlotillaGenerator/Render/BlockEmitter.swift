/// Writes a ``Slot`` tree as block YAML, byte for byte as libyaml (through Yams, indent 2,
/// unlimited width, Unicode allowed) would, for the scalars whose style is certain: plain strings
/// that pass ``isPlainSafe(_:)``, numbers, booleans, null, and single-quoted strings without line
/// breaks. A document holding anything else (a literal block, a string libyaml would quote its
/// own way, a key longer than libyaml's 128-character simple-key limit) is refused, and
/// ``YAMLText`` hands that document to libyaml instead.
///
/// The state and the decisions mirror libyaml's emitter (`emitter.c`: `write_indent`,
/// `write_indicator`, block mapping keys and values, block sequence items with indentless
/// sequences under mapping keys, empty collections as `{}` and `[]`), so the two agree; a test
/// compares them on many random trees. Going through Yams' `Node` and libyaml's event queue for
/// each of the hundreds of thousands of scalars of a large system was most of the generator's
/// time.
struct BlockEmitter {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// The bytes as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var indent = -1

    /// libyaml writes a key as a simple key (`key: value`) only up to this length.
    private static let simpleKeyLimit = 128

    /// Appends one document whose root is a mapping or a sequence; returns false, leaving the
    /// bytes as they were, when some scalar's style is libyaml's to decide.
    mutating func document(_ root: Slot) -> Bool {
        let start = bytes.count
        column = 0
        whitespace = true
        indention = true
        indent = -1
        switch root.content {
        case .mapping, .sequence:
            if node(root, mappingContext: false) {
                writeIndent()
                return true
            }
        case .empty, .scalar: break
        }
        bytes.removeSubrange(start...)
        return false
    }

    /// Appends text as it is (headers, separators, libyaml's documents).
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func node(_ slot: Slot, mappingContext: Bool) -> Bool {
        switch slot.content {
        case .empty: return scalar(.null)
        case .scalar(let scalar): return self.scalar(scalar)
        case .mapping(let buffer):
            guard !buffer.pairs.isEmpty else { return emptyCollection("{", "}") }
            let outer = indent
            indent = indent < 0 ? 0 : indent + 2
            for (key, value) in buffer.pairs {
                writeIndent()
                let key = ScalarText(string: key)
                guard key.text.utf8.count <= Self.simpleKeyLimit, scalar(key) else { return false }
                writeIndicator(":", needsWhitespace: false, isWhitespace: false, isIndention: false)
                guard node(value, mappingContext: true) else { return false }
            }
            indent = outer
            return true
        case .sequence(let buffer):
            guard !buffer.items.isEmpty else { return emptyCollection("[", "]") }
            let outer = indent
            // A sequence that is a mapping's value starts at the key's column (`key:\n- item`).
            if indent < 0 {
                indent = 0
            } else if !(mappingContext && !indention) {
                indent += 2
            }
            for item in buffer.items {
                writeIndent()
                writeIndicator("-", needsWhitespace: true, isWhitespace: false, isIndention: true)
                guard node(item, mappingContext: false) else { return false }
            }
            indent = outer
            return true
        }
    }

    private mutating func scalar(_ scalar: ScalarText) -> Bool {
        switch scalar.style {
        case .plain:
            if !whitespace { put(0x20) }
            write(scalar.text)
        case .singleQuoted:
            guard scalar.text.utf8.allSatisfy(Self.isPrintableASCII) else { return false }
            writeIndicator("'", needsWhitespace: true, isWhitespace: false, isIndention: false)
            for byte in scalar.text.utf8 {
                if byte == 0x27 { put(0x27) }
                put(byte)
            }
            writeIndicator("'", needsWhitespace: false, isWhitespace: false, isIndention: false)
        case .literal, .libyaml:
            return false
        }
        whitespace = false
        indention = false
        return true
    }

    private mutating func emptyCollection(_ open: String, _ close: String) -> Bool {
        writeIndicator(open, needsWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needsWhitespace: false, isWhitespace: false, isIndention: false)
        return true
    }

    /// libyaml's `yaml_emitter_write_indent`.
    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            bytes.append(0x0A)
            column = 0
        }
        while column < target { put(0x20) }
        whitespace = true
        indention = true
    }

    /// libyaml's `yaml_emitter_write_indicator`.
    private mutating func writeIndicator(
        _ indicator: String, needsWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
    ) {
        if needsWhitespace && !whitespace { put(0x20) }
        write(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func put(_ byte: UInt8) {
        bytes.append(byte)
        column += 1
    }

    /// Appends ASCII text (every text written here is ASCII, so bytes are columns).
    private mutating func write(_ text: String) {
        let before = bytes.count
        bytes.append(contentsOf: text.utf8)
        column += bytes.count - before
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }

    /// Whether libyaml writes `text` as a plain scalar in block context (keys included): a
    /// conservative subset of its `analyze_scalar` rules. Printable ASCII only, no leading or
    /// trailing space, no `---`/`...` prefix, no indicator first (`-` only before a non-space),
    /// no `: ` or final `:`, no ` #`, and none of `,?[]{}` anywhere. Strings outside the subset
    /// go to libyaml, which may still write some of them plain.
    static func isPlainSafe(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isPlainSafe) ?? isPlainSafe(Array(text.utf8))
    }

    private static func isPlainSafe(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        let count = bytes.count
        if count >= 3 {
            let second = bytes[bytes.index(after: bytes.startIndex)]
            let third = bytes[bytes.index(bytes.startIndex, offsetBy: 2)]
            if (first == 0x2D || first == 0x2E) && second == first && third == first { return false }  // --- ...
        }
        var previous: UInt8 = 0x20
        var index = 0
        for byte in bytes {
            guard isPrintableASCII(byte) else { return false }
            switch byte {
            case 0x2C, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D:  // , ? [ ] { }
                return false
            case 0x23:  // #
                if previous == 0x20 { return false }
            case 0x3A:  // :
                if index == 0 || index == count - 1 || bytes[bytes.index(bytes.startIndex, offsetBy: index + 1)] == 0x20
                {
                    return false
                }
            case 0x2D:  // -
                if index == 0 && (count == 1 || bytes[bytes.index(after: bytes.startIndex)] == 0x20) { return false }
            case 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:  // & * ! | > ' " % @ `
                if index == 0 { return false }
            default: break
            }
            previous = byte
            index += 1
        }
        return true
    }
}
