import FlotillaServiceKit
import Foundation

extension ServiceRequestContext {
    /// The `{id}` path parameter as a product id.
    /// - Throws: 404 when it is not a product id at all.
    func productID() throws(ProblemError) -> UUID {
        let text = parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else { throw ProblemError(.notFound, "no product '\(text)'") }
        return id
    }
}
