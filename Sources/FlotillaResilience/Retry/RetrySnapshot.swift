/// A point-in-time view of a retrier for the dashboard.
public struct RetrySnapshot: Sendable, Hashable {
    /// First attempts in the budget window.
    public var requestsInWindow: Int
    /// Retries in the budget window.
    public var retriesInWindow: Int
    /// Retries the budget would allow now.
    public var budgetAvailable: Int
    /// Retries refused by the budget since creation.
    public var budgetRefusals: UInt64

    /// Creates a snapshot.
    public init(requestsInWindow: Int, retriesInWindow: Int, budgetAvailable: Int, budgetRefusals: UInt64) {
        self.requestsInWindow = requestsInWindow
        self.retriesInWindow = retriesInWindow
        self.budgetAvailable = budgetAvailable
        self.budgetRefusals = budgetRefusals
    }
}
