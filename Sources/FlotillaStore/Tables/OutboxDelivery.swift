import Foundation

/// One pending delivery of an outbox event to one subscriber, as the relay claims it.
public struct OutboxDelivery: Sendable, Equatable {
    /// The event.
    public var event: OutboxEvent
    /// Position of the event in its aggregate's stream, from 1.
    public var sequence: Int64
    /// The subscribing service.
    public var subscriber: String
    /// Failed attempts so far.
    public var attempts: Int

    /// Creates a delivery.
    public init(event: OutboxEvent, sequence: Int64, subscriber: String, attempts: Int) {
        self.event = event
        self.sequence = sequence
        self.subscriber = subscriber
        self.attempts = attempts
    }
}

/// Pending work for one subscriber, for the status page.
public struct OutboxBacklog: Sendable, Equatable {
    /// The subscribing service.
    public var subscriber: String
    /// Deliveries not yet made.
    public var pending: Int
    /// When the oldest pending event happened.
    public var oldestPending: Date?
    /// Deliveries made.
    public var delivered: Int
    /// Events given up on (dead letters not replayed).
    public var deadLetters: Int

    /// Creates a backlog entry.
    public init(subscriber: String, pending: Int, oldestPending: Date?, delivered: Int, deadLetters: Int) {
        self.subscriber = subscriber
        self.pending = pending
        self.oldestPending = oldestPending
        self.delivered = delivered
        self.deadLetters = deadLetters
    }
}

/// An event a subscriber never accepted, after the relay gave up.
public struct DeadLetter: Sendable, Equatable, Codable {
    /// The event's id.
    public var eventId: String
    /// The subscriber that did not accept it.
    public var subscriber: String
    /// The event's aggregate.
    public var aggregateId: String
    /// The event type.
    public var type: String
    /// Attempts made.
    public var attempts: Int
    /// The last failure.
    public var lastError: String?
    /// When the relay gave up.
    public var deadAt: Date

    /// Creates a dead letter.
    public init(
        eventId: String, subscriber: String, aggregateId: String, type: String, attempts: Int, lastError: String?,
        deadAt: Date
    ) {
        self.eventId = eventId
        self.subscriber = subscriber
        self.aggregateId = aggregateId
        self.type = type
        self.attempts = attempts
        self.lastError = lastError
        self.deadAt = deadAt
    }
}
