/// A string-keyed map that encodes its keys in sorted (byte) order, so labels, annotations and
/// environment maps render identically on every run (Swift dictionaries iterate in random order).
public struct SortedMap<Value: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable,
    ExpressibleByDictionaryLiteral
{
    /// The entries.
    public var entries: [String: Value]

    /// Creates a map from a dictionary.
    public init(_ entries: [String: Value] = [:]) {
        self.entries = entries
    }

    /// Creates a map from a literal; a later duplicate key wins.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.entries = Dictionary(elements, uniquingKeysWith: { $1 })
    }

    /// Whether the map has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value of `key`.
    public subscript(key: String) -> Value? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    /// Keys in byte order.
    public var sortedKeys: [String] {
        // Sorting a concrete `[String]` runs the specialised sort; `entries.keys.sorted` would
        // run the generic one through witness tables, several times slower.
        var keys = Array(entries.keys)
        keys.sort(by: Self.byteOrder)
        return keys
    }

    /// Encodes the entries in key order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in sortedKeys {
            if let value = entries[key] {
                try container.encode(value, forKey: AnyCodingKey(key))
            }
        }
    }

    /// Orders strings by their UTF-8 bytes, independent of locale.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        // Contiguous bytes (native strings need no copy) compare much faster than the generic
        // `String.UTF8View` iteration.
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in left.lexicographicallyPrecedes(right) } }
    }
}

/// A coding key made from any string.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) {
        self.stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
