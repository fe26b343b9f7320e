import Synchronization

/// Round-robin over a dependency's instances with passive outlier ejection: an instance that
/// fails `ejectAfter` calls in a row (connection errors, timeouts, 5xx) is skipped for a period
/// that doubles with each ejection (10 s, 20 s, … up to 2 min) and is reset by a success. If every
/// instance is ejected, all are used again: ejection must never turn a partial outage into a full one.
public final class LoadBalancer: Sendable {
    struct Health {
        var consecutiveFailures = 0
        var ejections = 0
        var ejectedUntil: ContinuousClock.Instant?
    }

    let ejectAfter: Int
    let baseEjection: Duration
    let maxEjection: Duration
    private let state = Mutex<(next: Int, health: [String: Health])>((0, [:]))

    /// A balancer ejecting after `ejectAfter` consecutive failures.
    public init(ejectAfter: Int = 5, baseEjection: Duration = .seconds(10), maxEjection: Duration = .seconds(120)) {
        self.ejectAfter = ejectAfter
        self.baseEjection = baseEjection
        self.maxEjection = maxEjection
    }

    /// The next instance to call among `endpoints`, skipping ejected ones.
    public func pick(from endpoints: [String], now: ContinuousClock.Instant = .now) -> String? {
        guard !endpoints.isEmpty else { return nil }
        return state.withLock { state in
            let healthy = endpoints.filter { (state.health[$0]?.ejectedUntil).map { $0 <= now } ?? true }
            let pool = healthy.isEmpty ? endpoints : healthy
            state.next = state.next &+ 1
            return pool[Int(UInt(bitPattern: state.next) % UInt(pool.count))]
        }
    }

    /// Records the outcome of a call to `endpoint`.
    public func record(_ endpoint: String, succeeded: Bool, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            var health = state.health[endpoint] ?? Health()
            if succeeded {
                health = Health(consecutiveFailures: 0, ejections: health.ejections, ejectedUntil: nil)
            } else {
                health.consecutiveFailures += 1
                if health.consecutiveFailures >= ejectAfter {
                    health.ejections += 1
                    let factor = 1 << min(health.ejections - 1, 10)
                    health.ejectedUntil = now.advanced(by: min(baseEjection * factor, maxEjection))
                    health.consecutiveFailures = 0
                }
            }
            state.health[endpoint] = health
        }
    }

    /// Instances ejected at `now`.
    public func ejected(now: ContinuousClock.Instant = .now) -> [String] {
        state.withLock { $0.health.filter { ($0.value.ejectedUntil).map { $0 > now } ?? false }.keys.sorted() }
    }
}
