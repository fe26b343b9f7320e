import FlotillaServiceKit

/// The orders service: its routes and domain logic on the kit.
public enum OrdersApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        ServiceHost(configuration: configuration)
    }
}
