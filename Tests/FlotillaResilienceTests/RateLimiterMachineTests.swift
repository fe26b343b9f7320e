import FlotillaResilience
import FlotillaTesting
import Testing

@Suite("GCRA rate limiter state machine")
struct RateLimiterMachineTests {
    // quota 10 per 10 s → T = 1 s; burst 3 → τ = 2 s.
    let config = RateLimitConfig(quota: 10, window: .seconds(10), burst: 3, policyName: "api")

    @Test func burstThenSteadyRateWithInclusiveBoundary() {
        var limiter = RateLimiterMachine<String, Instant>(config: config, origin: at(0))
        let burst = (0..<3).map { _ in limiter.acquire("alice", at: at(0)) }
        #expect(burst.map(\.isAllowed) == [true, true, true])
        #expect(burst.map(\.remaining) == [2, 1, 0])
        let denied = limiter.acquire("alice", at: at(0))
        #expect(!denied.isAllowed)
        #expect(denied.retryAfter == .seconds(1))
        #expect(denied.resetAfter == .seconds(3))
        #expect(denied.retryAfterSeconds == 1)
        #expect(!limiter.acquire("alice", at: justBefore(1000)).isAllowed)
        let next = limiter.acquire("alice", at: at(1000))
        #expect(next.isAllowed)
        #expect(next.remaining == 0)
        #expect(limiter.acquire("bob", at: at(0)).isAllowed)  // keys are independent
    }

    @Test func headerFieldsFollowTheIETFDraft() {
        var limiter = RateLimiterMachine<String, Instant>(config: config, origin: at(0))
        let first = limiter.acquire("k", at: at(0))
        #expect(first.headerFields(policyName: "api").map(\.value) == ["\"api\";q=10;w=10", "\"api\";r=2;t=1"])
        _ = limiter.acquire("k", at: at(0))
        _ = limiter.acquire("k", at: at(0))
        let denied = limiter.acquire("k", at: at(500))
        #expect(
            denied.headerFields(policyName: "api").map(\.name) == ["RateLimit-Policy", "RateLimit", "Retry-After"])
        #expect(denied.headerFields(policyName: "a\"b").first?.value == "\"a\\\"b\";q=10;w=10")
        #expect(denied.retryAfterSeconds == 1)  // 0.5 s rounds up
        #expect(denied.resetSeconds == 3)  // 2.5 s rounds up
    }

    @Test func emissionIntervalRoundsUp() {
        let thirds = RateLimitConfig(quota: 3, window: .seconds(1))
        #expect(thirds.emissionInterval == .nanoseconds(333_333_334))
    }

    @Test func idleKeysAreEvicted() {
        var limiter = RateLimiterMachine<Int, Instant>(config: config, origin: at(0))
        for key in 0..<10 { _ = limiter.acquire(key, at: at(0)) }
        #expect(limiter.trackedKeys == 10)
        #expect(limiter.evictIdle(at: at(999)) == 0)
        #expect(limiter.evictIdle(at: at(1000)) == 10)  // TAT ≤ now is idle
        #expect(limiter.trackedKeys == 0)
    }

    @Test func hardCapSendsNewKeysToTheOverflowBucket() {
        var capped = config
        capped.maxKeys = 2
        var limiter = RateLimiterMachine<String, Instant>(config: capped, origin: at(0))
        #expect(!limiter.acquire("a", at: at(0)).isOverflow)
        #expect(!limiter.acquire("b", at: at(0)).isOverflow)
        let overflow = limiter.acquire("c", at: at(0))
        #expect(overflow.isOverflow)
        #expect(overflow.isAllowed)
        #expect(limiter.trackedKeys == 2)
        // Tracked keys keep their own state.
        #expect(limiter.acquire("a", at: at(0)).remaining == 1)
        // Once a and b are idle the next new key is tracked again.
        let later = limiter.acquire("c", at: at(2000))
        #expect(!later.isOverflow)
        #expect(limiter.trackedKeys == 1)
        #expect(limiter.snapshot().counters.overflowed == 1)
    }

    @Test func deniedRequestsDoNotConsumeQuota() {
        var limiter = RateLimiterMachine<String, Instant>(
            config: RateLimitConfig(quota: 1, window: .seconds(1), burst: 1), origin: at(0))
        #expect(limiter.acquire("k", at: at(0)).isAllowed)
        for _ in 0..<100 { #expect(!limiter.acquire("k", at: at(500)).isAllowed) }
        #expect(limiter.acquire("k", at: at(1000)).isAllowed)
    }
}
