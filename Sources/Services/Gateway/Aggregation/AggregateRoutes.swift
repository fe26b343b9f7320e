import FlotillaContracts
import FlotillaServiceKit
import Hummingbird

/// The gateway's own endpoints, composed from several services in parallel. Both need a token
/// (checked by ``GatewayMiddleware``, which hands the verified user over in `X-Flotilla-User`).
///
/// - `GET /api/users/{id}/profile`: users `GET /users/{id}` and orders `GET /orders?limit=n`.
/// - `GET /api/dashboard`: the caller's user, orders, and products `GET /products/recommendations?limit=n`.
///
/// A part that fails is `null` in the body, named in `missing` and in `X-Flotilla-Partial`; a
/// 4xx from users (403, 404) is the answer; 502 only when no part came back.
struct AggregateRoutes {
    let aggregator: Aggregator

    func register(on routes: ServiceRoutes) {
        routes.get("/api/users/:id/profile") { request, context in
            let user = try Self.user(of: request)
            guard let id = context.parameters.get("id"), Self.isIdentifier(id) else {
                throw ProblemError(.badRequest, "the user id is not a valid identifier")
            }
            async let account = aggregator.fetch(
                UserDTO.self, from: "users", "/users/\(id)", user: user, requestID: context.requestID)
            async let orders = aggregator.fetch(
                ItemList<OrderDTO>.self, from: "orders", "/orders?limit=\(aggregator.limit)", user: user,
                requestID: context.requestID)
            let (accountPart, ordersPart) = await (account, orders)
            var missing: [String] = []
            if case .missing = accountPart { missing.append("user") }
            if case .missing = ordersPart { missing.append("orders") }
            let view = UserProfile(user: accountPart.value, orders: ordersPart.value?.items, missing: missing)
            return try Aggregator.answer(view, missing: missing, of: 2, refusal: Self.refusal(of: accountPart))
        }
        routes.get("/api/dashboard") { request, context in
            let user = try Self.user(of: request)
            let requestID = context.requestID
            async let account = aggregator.fetch(
                UserDTO.self, from: "users", "/users/\(user)", user: user, requestID: requestID)
            async let orders = aggregator.fetch(
                ItemList<OrderDTO>.self, from: "orders", "/orders?limit=\(aggregator.limit)", user: user,
                requestID: requestID)
            async let recommendations = aggregator.fetch(
                ItemList<ProductDTO>.self, from: "products", "/products/recommendations?limit=\(aggregator.limit)",
                user: user, requestID: requestID)
            let (accountPart, ordersPart, recommendationsPart) = await (account, orders, recommendations)
            var missing: [String] = []
            if case .missing = accountPart { missing.append("user") }
            if case .missing = ordersPart { missing.append("orders") }
            if case .missing = recommendationsPart { missing.append("recommendations") }
            let view = DashboardView(
                user: accountPart.value, orders: ordersPart.value?.items,
                recommendations: recommendationsPart.value?.items, missing: missing)
            return try Aggregator.answer(view, missing: missing, of: 3, refusal: Self.refusal(of: accountPart))
        }
    }

    private static func refusal(of part: AggregatePart<UserDTO>) -> ServiceResponse? {
        if case .refused(let answer) = part { return answer }
        return nil
    }

    /// The user ``GatewayMiddleware`` verified; its absence means the middleware did not run.
    private static func user(of request: Request) throws(ProblemError) -> String {
        guard let user = request.headers[GatewayMiddleware.user] else {
            throw BearerAuthentication.challenge("a bearer token is required", error: nil)
        }
        return user
    }

    /// 1–64 letters, digits, `-` or `_` (UUIDs and numeric ids), safe to put in an upstream path.
    static func isIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                    || byte == 45 || byte == 95
            }
    }
}
