import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation

/// Stock reservations for orders: all-or-nothing, idempotent by reservation id, and never
/// overselling however many run at once.
///
/// Every change is one transaction that first claims or moves the reservation row and then moves
/// stock with conditional updates in product-id order, so on PostgreSQL concurrent reservations
/// wait for each other row by row instead of deadlocking, and on SQLite they queue for the writer.
/// For each product `stock + reserved + sold` stays the same: reserving moves units from `stock`
/// to `reserved`, releasing moves them back, committing moves them to `sold`.
struct Inventory: Sendable {
    let database: Database

    /// What is stored under a reservation id: the reservation, or the problem it was refused with.
    private enum Answer: Sendable {
        case reservation(ReservationDTO)
        case refused(ProblemError)

        func get() throws(ProblemError) -> ReservationDTO {
            switch self {
            case .reservation(let reservation): return reservation
            case .refused(let problem): throw problem
            }
        }
    }

    /// Holds stock for every line or for none. A replay of the same id and items returns the first
    /// answer (the reservation, or the same 404/409 problem); the same id with other items, or an id
    /// released before it was made, is a 409.
    func reserve(_ request: ReserveRequest) async throws -> ReservationDTO {
        let fingerprint = ReservationRules.fingerprint(request.items)
        do {
            return try await database.transaction { transaction in
                try await attempt(request, fingerprint: fingerprint, in: transaction)
            }.get()
        } catch let refusal as ReservationRefusal {
            // The attempt rolled back; keep the refusal so that a replay is refused alike.
            return try await database.transaction { transaction -> Answer in
                let reservations = ReservationRecords(sql: transaction.sql)
                let now = Date.nowInMilliseconds.epochMilliseconds
                guard
                    try await reservations.claim(
                        request.reservationId, state: .released, fingerprint: fingerprint, refusal: refusal, at: now)
                else { return try await replay(request.reservationId, fingerprint: fingerprint, from: reservations) }
                return .refused(refusal.problem)
            }.get()
        }
    }

    /// Gives held stock back. Idempotent; an id never seen is recorded as released (a tombstone),
    /// so that a reservation arriving late with it is refused. 409 for a committed reservation.
    func release(_ id: String) async throws -> ReservationDTO {
        try await database.transaction { transaction -> Answer in
            let reservations = ReservationRecords(sql: transaction.sql)
            let now = Date.nowInMilliseconds.epochMilliseconds
            if try await reservations.claim(id, state: .released, fingerprint: nil, at: now) {
                return .reservation(ReservationDTO(reservationId: id, state: .released, items: []))
            }
            let items = try await reservations.items(of: id)
            if try await reservations.finish(id, as: .released, at: now) {
                let products = ProductRecords(sql: transaction.sql)
                for item in items { try await products.unhold(item.quantity, of: item.productId, at: now) }
            }
            switch try await reservations.find(id)?.state {
            case .released: return .reservation(ReservationDTO(reservationId: id, state: .released, items: items))
            case .committed:
                return .refused(ProblemError(.conflict, "reservation \(id) is committed: it cannot be released"))
            case .reserved, nil: return .refused(Self.changedMeanwhile(id))
            }
        }.get()
    }

    /// Turns held stock into sold stock. Idempotent; 409 for a released (or refused) reservation,
    /// 404 for an unknown one.
    func commit(_ id: String) async throws -> ReservationDTO {
        try await database.transaction { transaction -> Answer in
            let reservations = ReservationRecords(sql: transaction.sql)
            let now = Date.nowInMilliseconds.epochMilliseconds
            let items = try await reservations.items(of: id)
            if try await reservations.finish(id, as: .committed, at: now) {
                let products = ProductRecords(sql: transaction.sql)
                for item in items { try await products.sell(item.quantity, of: item.productId, at: now) }
            }
            guard let row = try await reservations.find(id) else {
                return .refused(ProblemError(.notFound, "no reservation \(id)"))
            }
            switch row.state {
            case .committed: return .reservation(ReservationDTO(reservationId: id, state: .committed, items: items))
            case .released:
                let why = row.rejectionDetail.map { "was refused (\($0))" } ?? "was released"
                return .refused(ProblemError(.conflict, "reservation \(id) \(why): it cannot be committed"))
            case .reserved: return .refused(Self.changedMeanwhile(id))
            }
        }.get()
    }

    /// Claims the id and holds each line's stock; throws ``ReservationRefusal`` to roll everything back.
    private func attempt(
        _ request: ReserveRequest, fingerprint: String, in transaction: DatabaseTransaction
    ) async throws -> Answer {
        let reservations = ReservationRecords(sql: transaction.sql)
        let products = ProductRecords(sql: transaction.sql)
        let now = Date.nowInMilliseconds.epochMilliseconds
        let id = request.reservationId
        guard try await reservations.claim(id, state: .reserved, fingerprint: fingerprint, at: now) else {
            return try await replay(id, fingerprint: fingerprint, from: reservations)
        }
        var lines: [ReservedItem] = []
        for item in ReservationRules.lockOrder(request.items) {
            guard let held = try await products.hold(item.quantity, of: item.productId, at: now) else {
                guard let product = try await products.find(id: item.productId) else {
                    throw ReservationRefusal(status: 404, detail: "no product \(item.productId.storageKey)")
                }
                throw ReservationRefusal(
                    status: 409, detail: "insufficient stock for \(product.name) (\(product.id.storageKey))")
            }
            lines.append(
                ReservedItem(
                    productId: item.productId, name: held.name, quantity: item.quantity,
                    unitPriceCents: held.priceCents))
        }
        try await reservations.insert(lines, of: id)
        return .reservation(ReservationDTO(reservationId: id, state: .reserved, items: lines))
    }

    /// The answer already stored under `id`, for a request with `fingerprint`.
    private func replay(_ id: String, fingerprint: String, from reservations: ReservationRecords) async throws
        -> Answer
    {
        guard let row = try await reservations.find(id) else { return .refused(Self.changedMeanwhile(id)) }
        guard let stored = row.fingerprint else {
            return .refused(
                ProblemError(.conflict, "reservation \(id) was released before it was made; use a new reservation id"))
        }
        guard stored == fingerprint else {
            return .refused(ProblemError(.conflict, "reservation \(id) already exists with other items"))
        }
        if let status = row.rejectionStatus, let detail = row.rejectionDetail {
            return .refused(ReservationRefusal(status: status, detail: detail).problem)
        }
        return .reservation(
            ReservationDTO(reservationId: id, state: row.state, items: try await reservations.items(of: id)))
    }

    /// A row that cannot be in the state it is read in unless it changed between two statements;
    /// retrying the (idempotent) call is safe.
    private static func changedMeanwhile(_ id: String) -> ProblemError {
        ProblemError(.serviceUnavailable, "reservation \(id) changed while it was read; retry the call")
    }
}
