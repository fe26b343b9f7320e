import FlotillaContracts
import FlotillaStore
import Foundation
import Hummingbird

extension ServiceHost {
    /// Handles events of `type` delivered by publishers' outbox relays to `POST /_events` on the
    /// public port. Each event runs `handler` in one transaction of `database` together with its
    /// inbox record (`flotilla_inbox`), so a redelivered event is recognised and skipped: processing
    /// is effectively once although delivery is at least once.
    ///
    /// Answers: 200 processed (or duplicate), 400 for a malformed envelope, 422 for a type nobody
    /// handles (the relay dead-letters it), and the handler's own errors as problems (a 5xx makes the
    /// relay retry later).
    public func subscribe<Payload: Codable & Sendable & Hashable>(
        _ type: String, as payload: Payload.Type, database: Database,
        handler: @escaping @Sendable (EventEnvelope<Payload>, DatabaseTransaction) async throws -> Void
    ) {
        let consumer = configuration.serviceName
        let first = eventHandlers.register(type) { body, eventID in
            let envelope: EventEnvelope<Payload>
            do {
                envelope = try ContractCoding.decoder().decode(EventEnvelope<Payload>.self, from: body)
            } catch {
                throw ProblemError(.badRequest, "the '\(type)' event's data does not match its schema: \(error)")
            }
            return try await database.transaction { transaction in
                guard try await transaction.recordInboxEvent(eventID: eventID, consumer: consumer) else { return false }
                try await handler(envelope, transaction)
                return true
            }
        }
        if first { registerEventEndpoint() }
    }

    private func registerEventEndpoint() {
        let handlers = eventHandlers
        let events = self.events
        routes.post("/_events") { request, context in
            let body = Data(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let head: EnvelopeHead
            do {
                head = try ContractCoding.decoder().decode(EnvelopeHead.self, from: body)
            } catch {
                throw ProblemError(.badRequest, "the body is not an event envelope (id and type are required)")
            }
            guard let handler = handlers.handler(for: head.type) else {
                throw ProblemError(
                    .unprocessableContent,
                    "no handler for event type '\(head.type)'; this service handles: \(handlers.types.joined(separator: ", "))"
                )
            }
            let processed = try await handler(body, head.id)
            if !processed { events.record(.info, kind: "event", "duplicate \(head.type) \(head.id) skipped") }
            return JSONResponse.make(EventReceipt(eventId: head.id, duplicate: !processed))
        }
    }
}

/// The answer to a delivered event.
struct EventReceipt: Codable {
    var eventId: UUID
    var duplicate: Bool
}
