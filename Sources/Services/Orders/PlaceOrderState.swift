import FlotillaContracts
import Foundation

/// What the place-order saga carries from step to step (persisted with the saga).
struct PlaceOrderState: Codable, Sendable, Equatable {
    var orderId: UUID
    var userId: UUID
    var items: [ItemQuantity]
    /// The priced reservation, once inventory is reserved.
    var reservation: ReservationDTO?
    /// The charge, once payment went through.
    var payment: PaymentDTO?

    /// The order's total from the reservation's prices.
    var totalCents: Int { reservation?.items.reduce(0) { $0 + $1.quantity * $1.unitPriceCents } ?? 0 }
}
