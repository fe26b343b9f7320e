import FlotillaContracts
import Foundation
import Hummingbird
import Synchronization

/// Chaos on demand: an admin call makes the public port fail a share of requests with 503 and/or
/// add latency, for a limited time, so breakers, retries and the dashboard can be exercised.
public final class FaultInjector: Sendable {
    private let fault = Mutex<FaultStatus?>(nil)

    /// Creates an injector with no fault.
    public init() {}

    /// Starts a fault (replacing any other).
    public func inject(errorRate: Double, addedLatencyMilliseconds: Double, for duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        fault.withLock {
            $0 = FaultStatus(
                errorRate: min(max(errorRate, 0), 1), addedLatencyMilliseconds: max(addedLatencyMilliseconds, 0),
                until: Date().addingTimeInterval(seconds))
        }
    }

    /// Ends the fault.
    public func clear() { fault.withLock { $0 = nil } }

    /// The fault in force now, if any.
    public var active: FaultStatus? {
        fault.withLock { current in
            guard let fault = current, fault.until > Date() else {
                current = nil
                return nil
            }
            return fault
        }
    }
}

/// Applies an injected fault to public requests.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let faults: FaultInjector

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let fault = faults.active {
            if fault.addedLatencyMilliseconds > 0 {
                try await Task.sleep(for: .milliseconds(fault.addedLatencyMilliseconds))
            }
            if Double.random(in: 0..<1) < fault.errorRate {
                throw ProblemError(.serviceUnavailable, "fault injected through the admin API")
            }
        }
        return try await next(request, context)
    }
}
