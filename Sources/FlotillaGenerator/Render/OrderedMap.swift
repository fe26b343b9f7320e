/// A string-keyed map that encodes its entries in the order given (jobs of a workflow run in
/// reading order; build before deploy reads better than alphabetical).
public struct OrderedMap<Value: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable,
    ExpressibleByDictionaryLiteral
{
    /// Entries in order.
    public var entries: [Entry]

    /// One key and value.
    public struct Entry: Sendable, Hashable {
        /// Key.
        public var key: String
        /// Value.
        public var value: Value
    }

    /// Creates a map from a literal, keeping its order.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// Creates a map from pairs, keeping their order.
    public init(_ pairs: [(String, Value)]) {
        self.entries = pairs.map { Entry(key: $0.0, value: $0.1) }
    }

    /// Encodes the entries in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for entry in entries { try container.encode(entry.value, forKey: AnyCodingKey(entry.key)) }
    }
}
