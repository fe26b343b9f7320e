import Foundation

/// The file `flotilla up` keeps at `.flotilla/registry.json`: every instance it runs and where.
/// Services use it for discovery (`FLOTILLA_DISCOVERY=registry`) and `flotilla dash` to find
/// admin endpoints. The supervisor rewrites it atomically (write to a temporary file, rename)
/// whenever an instance starts, becomes ready, stops or restarts.
public struct LocalRegistry: Codable, Sendable, Hashable {
    /// Contract version; 1 for this shape.
    public var schemaVersion: Int
    /// System name from the spec.
    public var system: String
    /// Process id of the supervisor.
    public var supervisorPid: Int32
    /// When the file was last written.
    public var updatedAt: Date
    /// Every instance, ordered by service then instance.
    public var instances: [RegisteredInstance]

    /// Creates a registry document.
    public init(system: String, supervisorPid: Int32, updatedAt: Date, instances: [RegisteredInstance]) {
        self.schemaVersion = 1
        self.system = system
        self.supervisorPid = supervisorPid
        self.updatedAt = updatedAt
        self.instances = instances
    }

    /// Base URLs of the ready instances of `service`, for discovery.
    public func readyEndpoints(of service: String) -> [String] {
        instances.filter { $0.service == service && $0.state == .ready }.compactMap(\.baseURL)
    }
}

/// One instance supervised by `flotilla up`.
public struct RegisteredInstance: Codable, Sendable, Hashable {
    /// Where the instance is in its life.
    public enum State: String, Codable, Sendable, Hashable {
        /// Spawned; readiness not yet seen.
        case starting
        /// `/health/ready` answered 200.
        case ready
        /// Exited; waiting for its restart backoff.
        case restarting
        /// Stopped by the supervisor, or gave up after too many crashes.
        case stopped
    }

    /// Service name.
    public var service: String
    /// Instance id (the same as in its status snapshot).
    public var instance: String
    /// Process id; nil while not running.
    public var pid: Int32?
    /// Public base URL, e.g. `http://127.0.0.1:8083`; nil for workers.
    public var baseURL: String?
    /// Admin base URL, e.g. `http://127.0.0.1:9083`.
    public var adminURL: String
    /// Life-cycle state.
    public var state: State
    /// Restarts since `flotilla up` began.
    public var restarts: Int
    /// Path of the instance's log file.
    public var logFile: String

    /// Creates an entry.
    public init(
        service: String, instance: String, pid: Int32?, baseURL: String?, adminURL: String, state: State, restarts: Int,
        logFile: String
    ) {
        self.service = service
        self.instance = instance
        self.pid = pid
        self.baseURL = baseURL
        self.adminURL = adminURL
        self.state = state
        self.restarts = restarts
        self.logFile = logFile
    }
}
