import FlotillaServiceKit
import Foundation

/// An order is created, then its saga is submitted: a crash between the two leaves a pending order
/// without a saga. At start-up such orders are cancelled (nothing was reserved or charged for them),
/// so no order stays pending forever.
enum OrphanOrders {
    static func cancel(in store: OrderStore, host: ServiceHost) async throws {
        let orphans = try await store.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT id FROM orders o WHERE o.status = 'pending' \
                AND NOT EXISTS (SELECT 1 FROM flotilla_sagas s WHERE s.id = o.id)
                """
            ).all().compactMap { UUID(uuidString: try $0.decode(column: "id", as: String.self)) }
        }
        for id in orphans {
            try await store.conclude(
                id, with: .cancelled(reason: "the service stopped before the order was started"), publishingOn: host)
        }
        if !orphans.isEmpty {
            host.logger.warning("cancelled orders left without a saga", metadata: ["count": "\(orphans.count)"])
        }
    }
}
