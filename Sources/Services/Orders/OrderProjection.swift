import FlotillaContracts
import Foundation

/// Folds an order's events into its current state: the only place that knows how each event
/// changes an order.
enum OrderProjection {
    /// The order after `event`, or the first state when `order` is nil (`event` must then be
    /// `OrderCreated`). Terminal orders do not change any more.
    static func apply(_ event: OrderEvent, at time: Date, to order: OrderDTO?, id: UUID) -> OrderDTO? {
        guard var order else {
            guard event.kind == .created, let userID = event.userId else { return nil }
            let lines = (event.items ?? []).map {
                OrderLine(productId: $0.productId, name: "", quantity: $0.quantity, unitPriceCents: 0)
            }
            return OrderDTO(
                id: id, userId: userID, status: .pending, lines: lines, totalCents: 0, cancellationReason: nil,
                createdAt: time, updatedAt: time)
        }
        guard order.status == .pending else { return order }
        switch event.kind {
        case .created: return order
        case .priced:
            order.lines = event.lines ?? order.lines
            order.totalCents = event.totalCents ?? order.totalCents
        case .paymentCharged, .inventoryCommitted: break
        case .confirmed: order.status = .confirmed
        case .cancelled:
            order.status = .cancelled
            order.cancellationReason = event.reason
        }
        order.updatedAt = time
        return order
    }

    /// The order rebuilt from its whole history.
    static func rebuild(id: UUID, from history: [(event: OrderEvent, at: Date)]) -> OrderDTO? {
        history.reduce(nil) { order, entry in apply(entry.event, at: entry.at, to: order, id: id) }
    }
}
