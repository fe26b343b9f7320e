import Foundation

/// An event as the outbox relay delivers it (`POST /_events` on the subscriber's HTTP port).
/// Subscribers keep `id` in their inbox, so a redelivery is recognised and skipped.
public struct EventEnvelope<Payload: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// Unique id of the event; the inbox key.
    public var id: UUID
    /// Event name from the spec, e.g. `order.confirmed`.
    public var type: String
    /// The publishing service.
    public var source: String
    /// The entity the event is about, e.g. the order id; delivery keeps order per aggregate.
    public var aggregateId: String
    /// Position of the event in its aggregate's stream, from 1.
    public var sequence: Int
    /// When the state change happened.
    public var occurredAt: Date
    /// W3C trace context of the request that caused it, so the trace continues.
    public var traceparent: String?
    /// The event's data.
    public var data: Payload

    /// Creates an envelope.
    public init(
        id: UUID, type: String, source: String, aggregateId: String, sequence: Int, occurredAt: Date,
        traceparent: String?, data: Payload
    ) {
        self.id = id
        self.type = type
        self.source = source
        self.aggregateId = aggregateId
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.traceparent = traceparent
        self.data = data
    }
}
