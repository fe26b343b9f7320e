import FlotillaContracts
import FlotillaStore
import Foundation
import Hummingbird

extension ServiceHost {
    /// Starts delivering `database`'s outbox to subscribers as background work, reports its
    /// backlog in the status snapshot, and adds the admin calls for dead letters:
    /// `GET /_flotilla/outbox/dead-letters` and `POST /_flotilla/outbox/dead-letters/replay`
    /// (token-protected; body `{"eventId": …, "subscriber": …}`, both optional: all when absent).
    /// ``openDatabase(named:migrations:)`` calls it for services whose spec entry publishes events.
    public func startOutboxRelay(database: Database, settings: OutboxRelaySettings = OutboxRelaySettings()) {
        addBackground(
            OutboxRelay(
                database: database, http: client.http, discovery: client.discovery, wakeup: outboxWakeup,
                settings: settings, source: configuration.serviceName, events: events, logger: logger))
        status.provide { sections in
            sections.outbox = {
                guard let backlog = try? await database.outboxBacklog() else { return nil }
                let now = Date()
                return OutboxStatus(
                    subscribers: backlog.map { entry in
                        SubscriberBacklog(
                            subscriber: entry.subscriber, pending: entry.pending,
                            oldestPendingSeconds: entry.oldestPending.map { max(0, now.timeIntervalSince($0)) },
                            delivered: entry.delivered, deadLetters: entry.deadLetters)
                    }, deadLetters: backlog.reduce(0) { $0 + $1.deadLetters })
            }
        }
        registerDeadLetterRoutes(database: database)
    }

    private func registerDeadLetterRoutes(database: Database) {
        let authorizer = AdminAuthorizer(token: configuration.adminToken)
        let events = self.events
        adminRoutes.get("/_flotilla/outbox/dead-letters") { _, _ in
            JSONResponse.make(try await database.deadLetters())
        }
        adminRoutes.post("/_flotilla/outbox/dead-letters/replay") { request, context in
            try authorizer.authorize(request, context, action: "outbox.replay")
            let selection = try await request.decode(as: DeadLetterSelection.self, context: context)
            let replayed = try await database.replayDeadLetters(
                eventID: selection.eventId, subscriber: selection.subscriber, at: Date())
            events.record(.warning, kind: "admin", "\(replayed) dead letter(s) replayed by admin call")
            context.logger.notice("admin call", metadata: ["action": "outbox.replay", "replayed": "\(replayed)"])
            return JSONResponse.make(["replayed": replayed])
        }
    }
}

/// Body of the replay call: which dead letters to put back in the queue.
struct DeadLetterSelection: Decodable {
    var eventId: String?
    var subscriber: String?
}
