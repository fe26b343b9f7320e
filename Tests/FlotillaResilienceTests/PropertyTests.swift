import FlotillaResilience
import FlotillaTesting
import PropertyBased
import Testing

@Suite("Invariants (property-based)")
struct PropertyTests {
    @Test func limiterNeverAdmitsMoreThanBurstPlusRateTimesT() async {
        await propertyCheck(
            input: Gen.int(in: 1...50), Gen.int(in: 1...10_000), Gen.int(in: 1...20),
            Gen.int(in: 0...400).array(of: 1...300)
        ) { quota, windowMs, burst, gapsMs in
            let config = RateLimitConfig(quota: quota, window: .milliseconds(windowMs), burst: burst)
            var limiter = RateLimiterMachine<Int, Instant>(config: config, origin: at(0))
            var now: Int64 = 0
            var admitted: [Int64] = []
            for gap in gapsMs {
                now += Int64(gap)
                if limiter.acquire(0, at: at(now)).isAllowed { admitted.append(now * 1_000_000) }
            }
            // Exact rate = quota / window; in any window [a, b]: count ≤ burst + (b − a) × quota / window.
            let windowNs = Int64(windowMs) * 1_000_000
            for start in admitted.indices {
                for end in admitted.indices where end >= start {
                    let count = Int64(end - start + 1)
                    let span = admitted[end] - admitted[start]
                    #expect(count * windowNs <= Int64(burst) * windowNs + span * Int64(quota))
                }
            }
        }
    }

    @Test func halfOpenNeverAdmitsMoreThanItsProbes() async {
        await propertyCheck(input: Gen.int(in: 1...8), Gen.int(in: 0...3).array(of: 0...60)) { probes, script in
            var breaker = CircuitBreakerMachine<Instant>(
                config: CircuitBreakerConfig(minimumCalls: 1, halfOpenProbes: probes), origin: at(0))
            breaker.call(.failure, at: at(0))
            var outstanding: [BreakerPermit] = []
            var inFlight = 0
            for step in script {
                // 0, 1: acquire; 2: an outstanding probe is ignored; 3: stays outstanding.
                if step < 2 {
                    if let permit = breaker.acquire(at: at(5000)).permit {
                        outstanding.append(permit)
                        inFlight += 1
                    }
                } else if step == 2, let permit = outstanding.popLast() {
                    _ = breaker.record(.ignored, duration: .zero, permit: permit, at: at(5000))
                    inFlight -= 1
                }
                #expect(inFlight <= probes)
                #expect(breaker.state == .halfOpen || breaker.state == .open)  // open until the first acquire
            }
        }
    }

    @Test func backoffDelaysStayWithinBounds() async {
        await propertyCheck(
            input: Gen.int(in: 0...1000), Gen.int(in: 0...60_000), Gen.double(in: 1...10), Gen.int(in: 1...64),
            Gen.double(in: 0...1)
        ) { initialMs, maxMs, multiplier, retry, unit in
            let backoff = BackoffConfig(
                initial: .milliseconds(initialMs), max: .milliseconds(maxMs), multiplier: multiplier)
            let delay = backoff.delay(forRetry: retry, unit: unit)
            let exact = min(Double(maxMs), Double(initialMs) * pow(multiplier, Double(retry - 1)))
            #expect(delay >= .zero)
            #expect(delay <= backoff.ceiling(forRetry: retry))
            #expect(backoff.ceiling(forRetry: retry) <= .milliseconds(maxMs))
            let ceilingMs =
                Double(backoff.ceiling(forRetry: retry).components.seconds) * 1000
                + Double(backoff.ceiling(forRetry: retry).components.attoseconds) / 1e15
            #expect(abs(ceilingMs - exact) <= max(1e-6 * exact, 1e-6))
        }
    }

    @Test func keyMemoryStaysBoundedUnderAFlood() async {
        await propertyCheck(input: Gen.int(in: 1...300), Gen.int(in: 0...5).array(of: 1...2000)) { maxKeys, gaps in
            let config = RateLimitConfig(quota: 10, window: .seconds(1), burst: 5, maxKeys: maxKeys)
            var limiter = RateLimiterMachine<Int, Instant>(config: config, origin: at(0))
            var now: Int64 = 0
            for (key, gap) in gaps.enumerated() {
                now += Int64(gap)
                _ = limiter.acquire(key, at: at(now))
                #expect(limiter.trackedKeys <= maxKeys)
            }
        }
    }
}

/// `base^exponent` for positive doubles by repeated squaring (no Foundation).
private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var factor = base
    var remaining = Int(exponent)
    while remaining > 0 {
        if remaining & 1 == 1 { result *= factor }
        factor *= factor
        remaining >>= 1
    }
    return result
}
