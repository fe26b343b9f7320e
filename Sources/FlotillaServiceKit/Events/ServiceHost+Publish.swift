import FlotillaContracts
import FlotillaStore
import Foundation
import Instrumentation
import ServiceContextModule

extension ServiceHost {
    /// Publishes an event in the transaction of the state change that causes it (transactional
    /// outbox): it is stored with a pending delivery per subscriber (from the spec's `subscribes`)
    /// and only if `transaction` commits; the outbox relay then delivers it over HTTP.
    ///
    /// ```swift
    /// try await database.transaction { tx in
    ///     try await insert(user, in: tx)
    ///     try await host.publish("user.created", aggregateID: user.id.uuidString, data: created, in: tx)
    /// }
    /// ```
    /// - Returns: The event's id.
    @discardableResult
    public func publish(
        _ type: String, aggregateID: String, data: some Encodable & Sendable, in transaction: DatabaseTransaction
    ) async throws -> UUID {
        let payload = String(decoding: try ContractCoding.encoder().encode(data), as: UTF8.self)
        var carrier: [String: String] = [:]
        InstrumentationSystem.instrument.inject(
            ServiceContext.current ?? .topLevel, into: &carrier, using: DictionaryInjector())
        let event = OutboxEvent(
            id: UUID(), aggregateID: aggregateID, type: type, payload: payload, traceparent: carrier["traceparent"],
            occurredAt: Date())
        try await transaction.appendOutboxEvent(event, subscribers: eventRouting.subscribers(of: type))
        outboxWakeup.signal()
        return event.id
    }
}

/// Writes trace context into a dictionary, to store an event's `traceparent`.
struct DictionaryInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
}
