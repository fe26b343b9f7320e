import FlotillaContracts
import Synchronization

/// The instance's life-cycle phase and health checks, behind `/health/*` and the snapshot.
/// Readiness is false while starting and draining, and when a critical check fails.
public final class HealthMonitor: Sendable {
    /// Where the instance is in its life.
    public enum Phase: Sendable {
        /// Migrations and first connections are not done.
        case starting
        /// Serving.
        case running
        /// Shutting down; finishing in-flight work.
        case draining
    }

    /// One named check.
    public struct Check: Sendable {
        /// `database`, `dependency:payments` …
        public var name: String
        /// Whether a failure makes the instance not ready.
        public var critical: Bool
        /// Throws (with a reason) when unhealthy.
        public var probe: @Sendable () async throws -> Void

        /// Creates a check.
        public init(name: String, critical: Bool, probe: @escaping @Sendable () async throws -> Void) {
            self.name = name
            self.critical = critical
            self.probe = probe
        }
    }

    private let phase = Mutex(Phase.starting)
    private let checks = Mutex<[Check]>([])
    /// Longest a single check may take before it counts as failed.
    let checkTimeout: Duration

    /// Creates a monitor in the `starting` phase.
    public init(checkTimeout: Duration = .seconds(2)) { self.checkTimeout = checkTimeout }

    /// Adds a check.
    public func add(_ check: Check) { checks.withLock { $0.append(check) } }

    /// Moves to `phase`.
    public func enter(_ next: Phase) { phase.withLock { $0 = next } }

    /// The current phase.
    public var currentPhase: Phase { phase.withLock { $0 } }

    /// Runs every check concurrently (each bounded by `checkTimeout`) and combines the results.
    public func report() async -> HealthReport {
        let checks = self.checks.withLock { $0 }
        let timeout = checkTimeout
        let results = await withTaskGroup(of: (Int, HealthCheckResult).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await Self.run(check, timeout: timeout)) }
            }
            var results: [(Int, HealthCheckResult)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let status: HealthReport.Status
        switch currentPhase {
        case .starting: status = .starting
        case .draining: status = .draining
        case .running:
            if results.contains(where: { !$0.passed && $0.critical }) {
                status = .down
            } else {
                status = results.contains { !$0.passed } ? .degraded : .up
            }
        }
        return HealthReport(status: status, checks: results)
    }

    private static func run(_ check: Check, timeout: Duration) async -> HealthCheckResult {
        let start = ContinuousClock.now
        let failure: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                do {
                    try await check.probe()
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return "timed out after \(timeout)"
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return HealthCheckResult(
            name: check.name, passed: failure == nil, critical: check.critical, latencyMilliseconds: milliseconds,
            detail: failure)
    }
}
