import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    private static let userHeader = HTTPField.Name(ShopHeaders.user)

    /// The user the gateway verified, from `X-Flotilla-User` (the gateway strips it from incoming
    /// requests and sets it from the access token, so it is trusted here).
    /// - Throws: 401 when the header is missing or is not a user id.
    public func callerID() throws(ProblemError) -> UUID {
        guard let name = Self.userHeader, let value = headers[name], let id = UUID(uuidString: value) else {
            throw ProblemError(.unauthorized, "sign in first: this route needs an authenticated user")
        }
        return id
    }
}
