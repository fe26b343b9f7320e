import FlotillaContracts
import FlotillaStore
import Foundation
import Synchronization

/// The event handlers a service registered with ``ServiceHost/subscribe(_:as:database:handler:)``,
/// by event type.
final class EventHandlers: Sendable {
    /// Runs one delivered event (its JSON envelope) in a transaction; `false` when it was a duplicate.
    typealias Handler = @Sendable (_ envelope: Data, _ eventID: UUID) async throws -> Bool

    private let handlers = Mutex<[String: Handler]>([:])

    /// Registers `handler` for `type`; returns `true` for the first registration of any type.
    func register(_ type: String, _ handler: @escaping Handler) -> Bool {
        handlers.withLock { table in
            precondition(table[type] == nil, "a handler for '\(type)' is already registered")
            table[type] = handler
            return table.count == 1
        }
    }

    func handler(for type: String) -> Handler? { handlers.withLock { $0[type] } }

    var types: [String] { handlers.withLock { $0.keys.sorted() } }
}

/// The fields of an envelope needed to route it, read before its payload type is known.
struct EnvelopeHead: Decodable {
    var id: UUID
    var type: String
}
