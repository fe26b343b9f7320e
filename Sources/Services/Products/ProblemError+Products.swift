import FlotillaServiceKit
import FlotillaStore
import Foundation

extension ProblemError {
    /// 404 for a product id that is not in the catalogue.
    static func noProduct(_ id: UUID) -> ProblemError { ProblemError(.notFound, "no product \(id.storageKey)") }
}
