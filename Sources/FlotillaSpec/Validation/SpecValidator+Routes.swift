extension SpecValidator {
    /// Routes belong to the gateway, target existing services, are unique, and a per-user rate
    /// limit needs a verified user.
    mutating func checkRoutes() {
        for service in spec.services {
            if service.role != .gateway, let first = service.routes.first {
                diagnostics.error(
                    "service '\(service.name.value)' has routes but is not the gateway", at: first.location,
                    hint: "add 'role: gateway', or move the routes to the gateway")
            }
            if service.role == .gateway, service.routes.isEmpty {
                diagnostics.warning(
                    "gateway '\(service.name.value)' has no routes", at: service.location,
                    hint: "add 'routes:' so the gateway forwards requests")
            }
            var prefixes: [String: SourceLocation] = [:]
            for route in service.routes {
                if let earlier = prefixes[route.prefix.value] {
                    diagnostics.error(
                        "route prefix '\(route.prefix.value)' is already routed at \(earlier)",
                        at: route.prefix.location,
                        hint: "each prefix may appear once; the longest matching prefix wins")
                } else {
                    prefixes[route.prefix.value] = route.prefix.location
                }
                if let target = resolve(route.service, what: "route '\(route.prefix.value)' targets") {
                    if target.role != .service {
                        diagnostics.error(
                            "route '\(route.prefix.value)' targets '\(target.name.value)', which is a \(target.role.rawValue)",
                            at: route.service.location, hint: "routes forward to services with role 'service'")
                    }
                }
                if let limit = route.rateLimit, limit.key == .user, route.auth == .public {
                    diagnostics.error(
                        "route '\(route.prefix.value)' limits per user but is public, so there is no verified user",
                        at: limit.location,
                        hint: "use 'key: client' on public routes, or make the route 'auth: required'")
                }
            }
        }
    }
}
