import Yams

/// Encodes `Encodable` values into a tree of ``Slot``s, which ``BlockEmitter`` writes as YAML or
/// turns into a Yams `Node` for libyaml.
///
/// Yams' own `YAMLEncoder` resolves every string through regular expressions and builds a fresh
/// tag constructor per scalar, which costs seconds for a thousand services. This encoder decides
/// quoting with a conservative character check instead: a string is single-quoted whenever a
/// YAML 1.1 or 1.2 reader (Kubernetes' go-yaml, PyYAML, GitHub) could read it as anything but a
/// string — booleans (`yes`, `on`, `y`…), null, numbers in any base, timestamps, `<<` and `=`.
struct NodeEncoder {
    private let tags = Tags()

    /// The slot tree of `value`.
    func slot(for value: some Encodable) throws -> Slot {
        let slot = Slot()
        try tags.encode(value, into: slot)
        return slot
    }

    /// The Yams node of a slot tree (what libyaml emits when ``BlockEmitter`` cannot).
    func node(of slot: Slot) -> Node {
        slot.node(tags)
    }
}

/// One scalar with the tag and style the encoder chose for it.
struct ScalarText {
    /// The YAML type the scalar stands for.
    enum Kind {
        case string, integer, boolean, null
    }

    /// How the scalar is written.
    enum Style {
        /// Plain; ``BlockEmitter/isPlainSafe(_:)`` holds (libyaml would write it plain too).
        case plain
        /// Single-quoted, because a reader could take it for a non-string.
        case singleQuoted
        /// A literal block: the text spans lines.
        case literal
        /// Whatever libyaml chooses (plain when allowed, else quoted).
        case libyaml
    }

    let text: String
    let kind: Kind
    let style: Style

    static let null = ScalarText(text: "null", kind: .null, style: .plain)

    /// A string scalar, classified once.
    init(string text: String) {
        self.text = text
        self.kind = .string
        self.style =
            Tags.needsQuotes(text)
            ? .singleQuoted
            : Tags.isMultiline(text) ? .literal : BlockEmitter.isPlainSafe(text) ? .plain : .libyaml
    }

    init(text: String, kind: Kind, style: Style) {
        self.text = text
        self.kind = kind
        self.style = style
    }
}

/// Tags shared by every node of one encoding run (creating a `Tag` is expensive in Yams: each
/// builds Yams' default constructor table, so they are made only when a document goes to
/// libyaml), and the encoding of values into slots.
final class Tags {
    private(set) lazy var string = Tag(.str)
    private(set) lazy var integer = Tag(.int)
    private(set) lazy var boolean = Tag(.bool)
    private(set) lazy var null = Tag(.null)
    private(set) lazy var mapping = Tag(.map)
    private(set) lazy var sequence = Tag(.seq)

    func encode(_ value: some Encodable, into slot: Slot) throws {
        try encodeValue(value, into: slot)
    }

    private func encodeValue<Value: Encodable>(_ value: Value, into slot: Slot) throws {
        // Comparing metadata first avoids a failing dynamic cast (a protocol-conformance lookup)
        // for every struct, array and map; optionals reach here again with their wrapped value.
        if Value.self == String.self, let text = value as? String {
            slot.content = .scalar(ScalarText(string: text))
        } else if Value.self == Int.self, let number = value as? Int {
            slot.content = .scalar(ScalarText(text: String(number), kind: .integer, style: .plain))
        } else if Value.self == Bool.self, let flag = value as? Bool {
            slot.content = .scalar(ScalarText(text: flag ? "true" : "false", kind: .boolean, style: .plain))
        } else {
            try value.encode(to: NodeBuildingEncoder(slot: slot, tags: self))
        }
    }

    /// The Yams node of a scalar: the same tag and style choices, for libyaml.
    func node(_ scalar: ScalarText) -> Node {
        let tag: Tag
        switch scalar.kind {
        case .string: tag = string
        case .integer: tag = integer
        case .boolean: tag = boolean
        case .null: tag = null
        }
        let style: Node.Scalar.Style
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .literal: style = .literal
        case .plain, .libyaml: style = .any
        }
        return .scalar(.init(scalar.text, tag, style))
    }

    private static let reserved: Set<String> = [
        "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES",
        "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "<<", "=",
    ]
    /// Whether a plain scalar `text` might be read as a non-string by some YAML reader.
    ///
    /// Works on UTF-8 bytes: a string needs quotes when it is reserved or when it starts with a
    /// digit, `+`, `-` or `.` and consists only of `0-9a-fA-FxXoO+-._:eE` (every such character is
    /// ASCII, so any other byte — including every non-ASCII one — rules it out).
    static func needsQuotes(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.count <= 5 && reserved.contains(text) { return true }
        guard let first = bytes.first, isDigit(first) || first == 0x2B || first == 0x2D || first == 0x2E else {
            return false
        }
        return bytes.allSatisfy(isNumeric)
    }

    /// Whether `text` holds a line feed (contiguous bytes when the string is native).
    static func isMultiline(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(10) } ?? text.utf8.contains(10)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isNumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x61...0x66, 0x41...0x46: return true  // 0-9 a-f A-F
        case 0x78, 0x58, 0x6F, 0x4F, 0x2B, 0x2D, 0x2E, 0x5F, 0x3A: return true  // x X o O + - . _ :
        default: return false
        }
    }
}

/// Where one node is being built.
final class Slot {
    enum Content {
        case empty
        case scalar(ScalarText)
        case mapping(MappingBuffer)
        case sequence(SequenceBuffer)
    }

    var content: Content = .empty

    func node(_ tags: Tags) -> Node {
        switch content {
        case .empty: return tags.node(.null)
        case .scalar(let scalar): return tags.node(scalar)
        case .mapping(let buffer):
            return .mapping(
                .init(
                    buffer.pairs.map { (tags.node(ScalarText(string: $0.0)), $0.1.node(tags)) }, tags.mapping, .block))
        case .sequence(let buffer):
            return .sequence(.init(buffer.items.map { $0.node(tags) }, tags.sequence, .block))
        }
    }

    func mappingBuffer() -> MappingBuffer {
        if case .mapping(let buffer) = content { return buffer }
        let buffer = MappingBuffer()
        content = .mapping(buffer)
        return buffer
    }

    func sequenceBuffer() -> SequenceBuffer {
        if case .sequence(let buffer) = content { return buffer }
        let buffer = SequenceBuffer()
        content = .sequence(buffer)
        return buffer
    }
}

final class MappingBuffer {
    var pairs: [(String, Slot)] = []

    func slot(for key: String) -> Slot {
        let slot = Slot()
        pairs.append((key, slot))
        return slot
    }
}

final class SequenceBuffer {
    var items: [Slot] = []

    func nextSlot() -> Slot {
        let slot = Slot()
        items.append(slot)
        return slot
    }
}
