import HTTPTypes
import Synchronization

/// The method and path template of every route a service registers, so a request whose path
/// exists under other methods is answered 405 with `Allow` rather than 404.
public final class RouteTable: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, segments: [Substring])]>([])

    /// Creates an empty table.
    public init() {}

    /// Records a route; templates use `:name` or `{name}` for one segment and `*`/`**` as wildcards.
    func add(_ method: HTTPRequest.Method, _ template: String) {
        routes.withLock { $0.append((method, Self.segments(template))) }
    }

    /// Methods of the routes whose template matches `path`, sorted.
    func methods(matching path: String) -> [HTTPRequest.Method] {
        let requested = Self.segments(path)
        let methods = routes.withLock { routes in
            routes.filter { Self.matches(template: $0.segments, path: requested) }.map(\.method)
        }
        return Array(Set(methods)).sorted { $0.rawValue < $1.rawValue }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(template: [Substring], path: [Substring]) -> Bool {
        for (index, segment) in template.enumerated() {
            if segment == "**" { return true }
            guard index < path.count else { return false }
            let isParameter = segment.hasPrefix(":") || segment.hasPrefix("{") || segment == "*"
            if !isParameter, segment != path[index] { return false }
        }
        return template.count == path.count
    }
}
