/// HTTP header names the shop's services agree on.
public enum ShopHeaders {
    /// The verified user id (the JWT `sub`) the gateway forwards to upstreams. The gateway strips
    /// it from every incoming request, so a service can trust it: only the gateway sets it.
    public static let user = "X-Flotilla-User"
    /// Idempotency key of a side-effecting call; a replay with the same key returns the first result.
    public static let idempotencyKey = "Idempotency-Key"
    /// On an aggregated gateway response: the comma-separated parts that could not be fetched.
    public static let partial = "X-Flotilla-Partial"
}
