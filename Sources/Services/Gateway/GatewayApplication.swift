import FlotillaServiceKit

/// The shop's API gateway: the spec's routes (prefix routing with rewrite, JWT, rate limits,
/// per-upstream resilience, streaming) and the aggregated views, on the kit. See docs/gateway.md.
public enum GatewayApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    ///
    /// Reads `JWT_SIGNING_KEY` (and the other token settings), `CORS_ALLOWED_ORIGINS`,
    /// `GATEWAY_TRUSTED_PROXIES` and `GATEWAY_AGGREGATE_LIMIT`; routes come from the spec's
    /// gateway entry (`configuration.spec`).
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        let settings = try GatewaySettings(configuration: configuration)
        let tokens = await AccessTokens(settings: try AccessTokenSettings(configuration: configuration))
        let host = ServiceHost(configuration: configuration, httpClient: ProxyHTTPClient.shared)
        let table = GatewayRouteTable(configuration.spec?.routes ?? [])
        // Added before any route so that it wraps the gateway's own endpoints and the not-found path.
        host.routes.router.add(
            middleware: GatewayMiddleware(
                table: table, authentication: BearerAuthentication(tokens: tokens),
                cors: CORSPolicy(allowedOrigins: settings.allowedOrigins), trustedProxies: settings.trustedProxies,
                client: host.client))
        AggregateRoutes(aggregator: Aggregator(client: host.client, limit: settings.aggregateLimit))
            .register(on: host.routes)
        let limits = table.routes.compactMap(\.rateLimit)
        host.status.provide { $0.rateLimiters = { limits.map(\.status) } }
        return host
    }
}
