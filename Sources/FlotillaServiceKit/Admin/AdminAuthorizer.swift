import HTTPTypes
import Hummingbird

/// Guards mutating admin calls: they need `Authorization: Bearer <FLOTILLA_ADMIN_TOKEN>`
/// (compared in constant time), are refused with 403 when no token is configured, and every
/// refusal is logged.
struct AdminAuthorizer: Sendable {
    let token: String?

    func authorize(_ request: Request, _ context: ServiceRequestContext, action: String) throws {
        guard let token else {
            throw ProblemError(.forbidden, "mutating admin calls are disabled: FLOTILLA_ADMIN_TOKEN is not set")
        }
        let presented = request.headers[.authorization].flatMap { header -> String? in
            header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : nil
        }
        guard let presented, ConstantTime.equal(presented, token) else {
            context.logger.warning("admin call refused", metadata: ["action": "\(action)"])
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer"
            throw ProblemError(
                .unauthorized, "this admin call needs Authorization: Bearer <admin token>", headers: headers)
        }
    }
}
