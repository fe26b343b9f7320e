import FlotillaSpec

/// A spec route resolved once at start-up: where it forwards, whether it needs a token, its limiter.
struct GatewayRoute: Sendable {
    let prefix: String
    let service: String
    let rewrite: String
    let requiresAuth: Bool
    let rateLimit: RouteRateLimit?
    /// The route label in metrics and traffic (`/api/users/**`).
    let label: String

    init(_ spec: RouteSpec) {
        prefix = spec.prefix.value
        service = spec.service.value
        rewrite = spec.rewrite == "/" ? "" : spec.rewrite
        requiresAuth = spec.auth == .required
        rateLimit = spec.rateLimit.map { RouteRateLimit(prefix: spec.prefix.value, spec: $0) }
        label = spec.prefix.value + "/**"
    }

    /// The upstream path and query for a request path whose matched prefix is followed by `remainder`.
    func upstreamTarget(remainder: Substring, query: String?) -> String {
        var target = rewrite
        target += remainder
        if target.isEmpty { target = "/" }
        if let query { target += "?" + query }
        return target
    }
}

/// The spec's routes by prefix. The longest prefix that ends at a segment boundary of the path
/// wins (`/api/users` matches `/api/users` and `/api/users/7`, never `/api/usersx`).
struct GatewayRouteTable: Sendable {
    let routes: [GatewayRoute]
    private let byPrefix: [Substring: GatewayRoute]

    init(_ specs: [RouteSpec]) {
        routes = specs.map(GatewayRoute.init)
        byPrefix = Dictionary(routes.map { ($0.prefix[...], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The route for `path` and the rest of the path after its prefix. Tries the whole path, then
    /// each shorter prefix ending before a `/`: one dictionary look-up per segment, no allocation.
    func match(_ path: String) -> (route: GatewayRoute, remainder: Substring)? {
        guard !byPrefix.isEmpty else { return nil }
        let whole = path[...]
        if let route = byPrefix[whole] { return (route, whole[whole.endIndex...]) }
        var end = whole.endIndex
        while let slash = whole[..<end].lastIndex(of: "/"), slash > whole.startIndex {
            if let route = byPrefix[whole[..<slash]] { return (route, whole[slash...]) }
            end = slash
        }
        return nil
    }
}
