import Foundation

/// A domain event to publish through the transactional outbox (a row of `flotilla_outbox`).
public struct OutboxEvent: Sendable, Equatable {
    /// Unique event id; stored as lowercase UUID text and used by subscribers' inboxes to deduplicate.
    public var id: UUID
    /// The aggregate the event is about, e.g. an order id; events of one aggregate get increasing sequences.
    public var aggregateID: String
    /// Event type, e.g. `order.confirmed`.
    public var type: String
    /// JSON text of the event body.
    public var payload: String
    /// W3C `traceparent` of the work that caused the event, to continue the trace on delivery.
    public var traceparent: String?
    /// When the state change happened.
    public var occurredAt: Date

    /// Creates an event whose payload is already JSON text.
    public init(
        id: UUID = UUID(), aggregateID: String, type: String, payload: String, traceparent: String? = nil,
        occurredAt: Date = Date()
    ) {
        self.id = id
        self.aggregateID = aggregateID
        self.type = type
        self.payload = payload
        self.traceparent = traceparent
        self.occurredAt = occurredAt
    }

    /// Creates an event by encoding `payload` as JSON (sorted keys, so equal values give equal text).
    public init(
        id: UUID = UUID(), aggregateID: String, type: String, encoding payload: some Encodable,
        traceparent: String? = nil, occurredAt: Date = Date()
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.init(
            id: id, aggregateID: aggregateID, type: type,
            payload: String(decoding: try encoder.encode(payload), as: UTF8.self), traceparent: traceparent,
            occurredAt: occurredAt)
    }
}
