/// Delivery of the events one service publishes.
public struct OutboxStatus: Codable, Sendable, Hashable {
    /// One entry per subscriber.
    public var subscribers: [SubscriberBacklog]
    /// Events in the dead-letter table, all subscribers together.
    public var deadLetters: Int

    /// Creates an outbox status.
    public init(subscribers: [SubscriberBacklog], deadLetters: Int) {
        self.subscribers = subscribers
        self.deadLetters = deadLetters
    }
}

/// What one subscriber has not yet received.
public struct SubscriberBacklog: Codable, Sendable, Hashable {
    /// The subscribing service.
    public var subscriber: String
    /// Events waiting for delivery.
    public var pending: Int
    /// Age in seconds of the oldest waiting event; nil when none waits.
    public var oldestPendingSeconds: Double?
    /// Events delivered since start.
    public var delivered: Int
    /// Events given up on after the maximum attempts.
    public var deadLetters: Int

    /// Creates a backlog entry.
    public init(subscriber: String, pending: Int, oldestPendingSeconds: Double?, delivered: Int, deadLetters: Int) {
        self.subscriber = subscriber
        self.pending = pending
        self.oldestPendingSeconds = oldestPendingSeconds
        self.delivered = delivered
        self.deadLetters = deadLetters
    }
}
