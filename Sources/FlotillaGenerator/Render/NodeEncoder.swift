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
        switch value {
        case let text as String: slot.content = .scalar(scalar(text))
        case let number as Int: slot.content = .scalar(.scalar(.init(String(number), integer)))
        case let flag as Bool: slot.content = .scalar(.scalar(.init(flag ? "true" : "false", boolean)))
        default: try value.encode(to: NodeBuildingEncoder(slot: slot, tags: self))
        }
    }

    func scalar(_ text: String) -> Node {
        let style: Node.Scalar.Style =
            Self.needsQuotes(text) ? .singleQuoted : text.utf8.contains(10) ? .literal : .any
        return .scalar(.init(text, string, style))
    }

    private static let reserved: Set<String> = [
        "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES",
        "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "<<", "=",
    ]
    private static let numeric = Set("0123456789abcdefABCDEFxXoO+-._:eE")

    /// Whether a plain scalar `text` might be read as a non-string by some YAML reader.
    static func needsQuotes(_ text: String) -> Bool {
        if reserved.contains(text) { return true }
        guard let first = text.first, first.isNumber || "+-.".contains(first) else { return false }
        return text.allSatisfy { numeric.contains($0) }
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
