import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore

/// What a reservation request must look like, and its canonical form.
enum ReservationRules {
    static let idLengths = 1...128
    static let lineCounts = 1...100
    static let quantities = 1...10_000

    /// Checks the id and the lines: an id of 1–128 of `A-Z a-z 0-9 - _ . :`, 1–100 lines, each
    /// product once, quantities 1–10000.
    static func check(_ request: ReserveRequest, into input: inout InvalidInput) {
        if !isWellFormedID(request.reservationId) {
            input.add("reservationId", "must be 1 to 128 letters, digits, '-', '_', '.' or ':'")
        }
        if !lineCounts.contains(request.items.count) {
            input.add("items", "must hold \(lineCounts.lowerBound) to \(lineCounts.upperBound) lines")
        }
        var seen: Set<String> = []
        for (index, item) in request.items.enumerated() {
            if !quantities.contains(item.quantity) {
                input.add(
                    "items[\(index)].quantity", "must be from \(quantities.lowerBound) to \(quantities.upperBound)")
            }
            if !seen.insert(item.productId.storageKey).inserted {
                input.add("items[\(index)].productId", "names a product that is already on another line")
            }
        }
    }

    /// Whether `id` can be a reservation id (also checked on release and commit).
    static func isWellFormedID(_ id: String) -> Bool {
        idLengths.contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0))
            }
    }

    /// The lines in the order their stock rows are locked (by product id), so that concurrent
    /// reservations of the same products never deadlock.
    static func lockOrder(_ items: [ItemQuantity]) -> [ItemQuantity] {
        items.sorted { $0.productId.storageKey < $1.productId.storageKey }
    }

    /// The canonical text of the lines (sorted `product:quantity` pairs): equal for the same items
    /// in any order, so a replay is recognised and different items under one id are not.
    static func fingerprint(_ items: [ItemQuantity]) -> String {
        lockOrder(items).map { "\($0.productId.storageKey):\($0.quantity)" }.joined(separator: ",")
    }
}
