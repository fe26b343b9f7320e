/// One page of a list, with what is needed to fetch the next one.
public struct Page<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// The items of this page.
    public var items: [Item]
    /// The total number of items across all pages.
    public var total: Int
    /// The page size asked for.
    public var limit: Int
    /// How many items come before this page.
    public var offset: Int

    /// Creates a page.
    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}
