import FlotillaContracts
import FlotillaServiceKit
import Foundation

/// What a charge request must look like.
enum PaymentRules {
    static let idLengths = 1...128
    static let amounts = 1...10_000_000_000

    /// The request with its currency in uppercase; records a problem for each field that is not
    /// acceptable: a payment id of 1–128 of `A-Z a-z 0-9 - _ . :`, an amount of 1 cent or more, a
    /// three-letter currency code.
    static func checked(_ request: ChargeRequest, into input: inout InvalidInput) -> ChargeRequest {
        var request = request
        if !isWellFormedID(request.paymentId) {
            input.add("paymentId", "must be 1 to 128 letters, digits, '-', '_', '.' or ':'")
        }
        if !amounts.contains(request.amountCents) {
            input.add("amountCents", "must be from \(amounts.lowerBound) to \(amounts.upperBound)")
        }
        request.currency = request.currency.trimmingCharacters(in: .whitespaces).uppercased()
        if request.currency.count != 3 || !request.currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
            input.add("currency", "must be a three-letter currency code such as EUR")
        }
        return request
    }

    /// Whether `id` can be a payment id (also checked on refund).
    static func isWellFormedID(_ id: String) -> Bool {
        idLengths.contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0))
            }
    }
}
