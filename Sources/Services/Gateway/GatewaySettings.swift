import FlotillaServiceKit

/// The gateway's own settings, read once at start-up from its configuration (environment or
/// `<NAME>_FILE`); a bad value is a start-up error naming the variable.
struct GatewaySettings: Sendable {
    /// Browser origins allowed to call the API (`CORS_ALLOWED_ORIGINS`, comma-separated exact
    /// origins such as `https://shop.example.com`); empty turns CORS off.
    var allowedOrigins: Set<String>
    /// Peers whose forwarding headers are believed (`GATEWAY_TRUSTED_PROXIES`).
    var trustedProxies: TrustedProxies
    /// Orders and recommendations fetched per aggregated view (`GATEWAY_AGGREGATE_LIMIT`, 1–100, default 10).
    var aggregateLimit: Int

    init(allowedOrigins: Set<String> = [], trustedProxies: TrustedProxies = .none, aggregateLimit: Int = 10) {
        self.allowedOrigins = allowedOrigins
        self.trustedProxies = trustedProxies
        self.aggregateLimit = aggregateLimit
    }

    init(configuration: ServiceConfiguration) throws(ConfigurationError) {
        var origins = Set<String>()
        for entry in (configuration.value(of: "CORS_ALLOWED_ORIGINS") ?? "").split(separator: ",") {
            let origin = entry.trimmingCharacters(in: .whitespaces)
            guard !origin.isEmpty else { continue }
            guard origin != "*", origin.hasPrefix("http://") || origin.hasPrefix("https://"), !origin.hasSuffix("/")
            else {
                throw ConfigurationError(
                    setting: "CORS_ALLOWED_ORIGINS", problem: "'\(origin)' is not an exact origin",
                    fix: "list scheme://host[:port] origins such as https://shop.example.com (no '*', no path)")
            }
            origins.insert(origin)
        }
        var limit = 10
        if let text = configuration.value(of: "GATEWAY_AGGREGATE_LIMIT") {
            guard let value = Int(text), (1...100).contains(value) else {
                throw ConfigurationError(
                    setting: "GATEWAY_AGGREGATE_LIMIT", problem: "'\(text)' is not a number from 1 to 100",
                    fix: "use a whole number such as 10")
            }
            limit = value
        }
        self.init(
            allowedOrigins: origins,
            trustedProxies: try TrustedProxies(parsing: configuration.value(of: "GATEWAY_TRUSTED_PROXIES") ?? ""),
            aggregateLimit: limit)
    }
}
