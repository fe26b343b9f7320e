/// The `Encoder` behind ``NodeEncoder``: writes into a ``Slot``.
struct NodeBuildingEncoder: Encoder {
    let slot: Slot
    let tags: Tags
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(buffer: slot.mappingBuffer(), tags: tags))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(buffer: slot.sequenceBuffer(), tags: tags)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(slot: slot, tags: tags)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let buffer: MappingBuffer
    let tags: Tags
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {
        buffer.slot(for: key.stringValue).content = .scalar(.null)
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try tags.encode(value, into: buffer.slot(for: key.stringValue))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(
            KeyedNodeContainer<NestedKey>(buffer: buffer.slot(for: key.stringValue).mappingBuffer(), tags: tags))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(buffer: buffer.slot(for: key.stringValue).sequenceBuffer(), tags: tags)
    }

    mutating func superEncoder() -> any Encoder {
        NodeBuildingEncoder(slot: buffer.slot(for: "super"), tags: tags)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeBuildingEncoder(slot: buffer.slot(for: key.stringValue), tags: tags)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let buffer: SequenceBuffer
    let tags: Tags
    var codingPath: [any CodingKey] = []
    var count: Int { buffer.items.count }

    mutating func encodeNil() throws {
        buffer.nextSlot().content = .scalar(.null)
    }

    mutating func encode(_ value: some Encodable) throws {
        try tags.encode(value, into: buffer.nextSlot())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(buffer: buffer.nextSlot().mappingBuffer(), tags: tags))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(buffer: buffer.nextSlot().sequenceBuffer(), tags: tags)
    }

    mutating func superEncoder() -> any Encoder {
        NodeBuildingEncoder(slot: buffer.nextSlot(), tags: tags)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let slot: Slot
    let tags: Tags
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {
        slot.content = .scalar(.null)
    }

    mutating func encode(_ value: some Encodable) throws {
        try tags.encode(value, into: slot)
    }
}
