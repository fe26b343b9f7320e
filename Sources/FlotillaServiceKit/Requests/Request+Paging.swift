import FlotillaContracts
import Hummingbird

extension Request {
    /// The `limit` and `offset` of a list route.
    /// - Throws: 400 naming the parameter when one is out of range.
    public func pageRequest(
        defaultLimit: Int = PageRequest.defaultLimit, maximumLimit: Int = PageRequest.maximumLimit
    ) throws(ProblemError) -> PageRequest {
        do {
            return try PageRequest(
                limit: uri.queryParameters.get("limit"), offset: uri.queryParameters.get("offset"),
                defaultLimit: defaultLimit, maximumLimit: maximumLimit)
        } catch {
            throw InvalidInput.problem([error.problem])
        }
    }
}
