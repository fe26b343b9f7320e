import Yams

/// Encodes `Encodable` values into Yams `Node` trees.
///
/// Yams' own `YAMLEncoder` resolves every string through regular expressions and builds a fresh
/// tag constructor per scalar, which costs seconds for a thousand services. This encoder shares
/// one set of tags per run and decides quoting with a conservative character check instead: a
/// string is single-quoted whenever a YAML 1.1 or 1.2 reader (Kubernetes' go-yaml, PyYAML,
/// GitHub) could read it as anything but a string — booleans (`yes`, `on`, `y`…), null, numbers
/// in any base, timestamps, `<<` and `=`. Layout and escaping stay Yams' (libyaml's) job.
struct NodeEncoder {
    private let tags = Tags()

    /// The node of `value`.
    func node(for value: some Encodable) throws -> Node {
        let slot = Slot()
        try tags.encode(value, into: slot)
        return slot.node(tags)
    }
}

/// Tags shared by every node of one encoding run (creating a `Tag` is expensive in Yams).
final class Tags {
    let string = Tag(.str)
    let integer = Tag(.int)
    let boolean = Tag(.bool)
    let null = Tag(.null)
    let mapping = Tag(.map)
    let sequence = Tag(.seq)

    func encode(_ value: some Encodable, into slot: Slot) throws {
        try encodeValue(value, into: slot)
    }

    private func encodeValue<Value: Encodable>(_ value: Value, into slot: Slot) throws {
        // Comparing metadata first avoids a failing dynamic cast (a protocol-conformance lookup)
        // for every struct, array and map; optionals reach here again with their wrapped value.
        if Value.self == String.self, let text = value as? String {
            slot.content = .scalar(scalar(text))
        } else if Value.self == Int.self, let number = value as? Int {
            slot.content = .scalar(.scalar(.init(String(number), integer)))
        } else if Value.self == Bool.self, let flag = value as? Bool {
            slot.content = .scalar(.scalar(.init(flag ? "true" : "false", boolean)))
        } else {
            try value.encode(to: NodeBuildingEncoder(slot: slot, tags: self))
        }
    }

    func scalar(_ text: String) -> Node {
        let style: Node.Scalar.Style =
            Self.needsQuotes(text) ? .singleQuoted : Self.isMultiline(text) ? .literal : .any
        return .scalar(.init(text, string, style))
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
    private static func isMultiline(_ text: String) -> Bool {
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
        case scalar(Node)
        case mapping(MappingBuffer)
        case sequence(SequenceBuffer)
    }

    var content: Content = .empty

    func node(_ tags: Tags) -> Node {
        switch content {
        case .empty: return .scalar(.init("null", tags.null))
        case .scalar(let node): return node
        case .mapping(let buffer):
            return .mapping(.init(buffer.pairs.map { (tags.scalar($0.0), $0.1.node(tags)) }, tags.mapping, .block))
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
