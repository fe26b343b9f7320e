import HTTPTypes
import Hummingbird

/// Where a service registers its public routes. It forwards to Hummingbird's router and records
/// each route in the ``RouteTable`` behind correct 405 answers.
///
/// Routes are registered while the host is being built, before its servers start; the router is
/// only read after that (Hummingbird's own rule), which is why sharing it is safe.
public struct ServiceRoutes: @unchecked Sendable {
    /// The underlying router, for middleware and anything this wrapper does not cover.
    public let router: Router<ServiceRequestContext>
    let table: RouteTable
    let prefix: String

    init(router: Router<ServiceRequestContext>, table: RouteTable, prefix: String = "") {
        self.router = router
        self.table = table
        self.prefix = prefix
    }

    /// Routes under a path prefix, e.g. `routes.group("/orders")`.
    public func group(_ path: String) -> ServiceRoutes {
        ServiceRoutes(router: router, table: table, prefix: Self.join(prefix, path))
    }

    /// Registers `handler` for `method` at `path` (relative to the group).
    @discardableResult
    public func on<Output: ResponseGenerator>(
        _ path: String, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        let full = Self.join(prefix, path)
        table.add(method, full)
        router.on(RouterPath(full), method: method, use: handler)
        return self
    }

    /// `GET`.
    @discardableResult
    public func get<Output: ResponseGenerator>(
        _ path: String = "", use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self { on(path, method: .get, use: handler) }

    /// `POST`.
    @discardableResult
    public func post<Output: ResponseGenerator>(
        _ path: String = "", use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self { on(path, method: .post, use: handler) }

    /// `PUT`.
    @discardableResult
    public func put<Output: ResponseGenerator>(
        _ path: String = "", use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self { on(path, method: .put, use: handler) }

    /// `PATCH`.
    @discardableResult
    public func patch<Output: ResponseGenerator>(
        _ path: String = "", use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self { on(path, method: .patch, use: handler) }

    /// `DELETE`.
    @discardableResult
    public func delete<Output: ResponseGenerator>(
        _ path: String = "", use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self { on(path, method: .delete, use: handler) }

    static func join(_ prefix: String, _ path: String) -> String {
        let parts = (prefix.split(separator: "/") + path.split(separator: "/")).map(String.init)
        return "/" + parts.joined(separator: "/")
    }
}
