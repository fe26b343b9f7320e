import FlotillaResilience
import FlotillaTesting
import Testing

@Suite("Circuit breaker state machine")
struct CircuitBreakerMachineTests {
    func machine(_ config: CircuitBreakerConfig) -> CircuitBreakerMachine<Instant> {
        CircuitBreakerMachine(config: config, origin: at(0))
    }

    @Test func staysClosedBelowMinimumCallsThenTripsOnRate() {
        var breaker = machine(.init(minimumCalls: 4, window: .count(10)))
        for _ in 0..<3 { #expect(breaker.call(.failure, at: at(1)) == nil) }
        #expect(breaker.state == .closed)
        let transition = breaker.call(.failure, at: at(1))
        #expect(transition?.to == .open)
        #expect(transition?.reason == .failureRate)
        #expect(transition?.openFor == .seconds(5))
    }

    @Test func failureRateThresholdIsInclusive() {
        var breaker = machine(.init(failureRate: 50, minimumCalls: 4, window: .count(10)))
        breaker.call(.success, at: at(1))
        breaker.call(.success, at: at(1))
        breaker.call(.failure, at: at(1))
        #expect(breaker.call(.failure, at: at(1))?.reason == .failureRate)  // 2/4 = 50% ≥ 50

        var stricter = machine(.init(failureRate: 50.1, minimumCalls: 4, window: .count(10)))
        stricter.call(.success, at: at(1))
        stricter.call(.success, at: at(1))
        stricter.call(.failure, at: at(1))
        #expect(stricter.call(.failure, at: at(1)) == nil)  // 50% < 50.1
        #expect(stricter.state == .closed)
    }

    @Test func slowCallIsStrictlyLongerThanTheDuration() {
        let config = CircuitBreakerConfig(slowCallRate: 50, slowCallDuration: .seconds(2), minimumCalls: 2)
        var breaker = machine(config)
        breaker.call(.success, at: at(1), duration: .seconds(2))
        breaker.call(.success, at: at(1), duration: .seconds(2))
        #expect(breaker.snapshot(at: at(1)).slowCalls == 0)
        #expect(breaker.state == .closed)
        let transition = breaker.call(.success, at: at(1), duration: .seconds(2) + .nanoseconds(1))
        // 1 slow of 3 = 33% < 50%: still closed; one more slow call makes 2/4 = 50%.
        #expect(transition == nil)
        #expect(breaker.call(.success, at: at(1), duration: .seconds(3))?.reason == .slowCallRate)
    }

    @Test func consecutiveFailuresTripRegardlessOfMinimumCalls() {
        var breaker = machine(.init(minimumCalls: 100, consecutiveFailures: 3))
        breaker.call(.failure, at: at(1))
        breaker.call(.failure, at: at(1))
        breaker.call(.success, at: at(1))  // resets the run
        breaker.call(.failure, at: at(1))
        #expect(breaker.call(.failure, at: at(1)) == nil)
        #expect(breaker.call(.failure, at: at(1))?.reason == .consecutiveFailures)
    }

    @Test func countWindowEvictsOldestCall() {
        var breaker = machine(.init(failureRate: 75, minimumCalls: 4, window: .count(4)))
        breaker.call(.success, at: at(1))
        breaker.call(.failure, at: at(1))
        breaker.call(.failure, at: at(1))
        #expect(breaker.call(.success, at: at(1)) == nil)  // 2/4 = 50%
        // The first success leaves the window: F F S F = 75%.
        #expect(breaker.call(.failure, at: at(1))?.reason == .failureRate)
    }

    @Test func timeWindowExpiresOldBuckets() {
        let config = CircuitBreakerConfig(minimumCalls: 3, window: .time(.seconds(10)), timeWindowBuckets: 10)
        var late = machine(config)
        late.call(.failure, at: at(0))
        late.call(.failure, at: at(1000))
        #expect(late.call(.success, at: at(11_000)) == nil)
        #expect(late.snapshot(at: at(11_000)).calls == 1)

        var early = machine(config)
        early.call(.failure, at: at(0))
        early.call(.failure, at: at(1000))
        #expect(early.call(.success, at: at(9_500))?.reason == .failureRate)  // 2/3 within the window
    }

    @Test func openRejectsUntilOpenDurationThenHalfOpens() {
        var breaker = machine(.init(minimumCalls: 1, openFor: .seconds(5)))
        breaker.call(.failure, at: at(0))
        let early = breaker.acquire(at: justBefore(5000))
        #expect(early.rejection == BreakerRejection(state: .open, retryAfter: .nanoseconds(1)))
        let probe = breaker.acquire(at: at(5000))  // inclusive boundary
        #expect(probe.permit?.isProbe == true)
        #expect(probe.transition == BreakerTransition(from: .open, to: .halfOpen, reason: .openDurationElapsed))
        #expect(breaker.snapshot(at: at(5000)).rejectedCalls == 1)
    }

    @Test func halfOpenAdmitsExactlyTheProbeCountAndNeedsAllToClose() {
        var breaker = machine(.init(minimumCalls: 1, halfOpenProbes: 3))
        breaker.call(.failure, at: at(0))
        let permits = (0..<3).compactMap { _ in breaker.acquire(at: at(5000)).permit }
        #expect(permits.count == 3)
        #expect(breaker.acquire(at: at(5000)).rejection?.state == .halfOpen)
        #expect(breaker.record(.success, duration: .zero, permit: permits[0], at: at(5001)) == nil)
        #expect(breaker.record(.success, duration: .zero, permit: permits[1], at: at(5001)) == nil)
        #expect(breaker.state == .halfOpen)  // not the seed's close-on-first-success shortcut
        let closed = breaker.record(.success, duration: .zero, permit: permits[2], at: at(5002))
        #expect(closed == BreakerTransition(from: .halfOpen, to: .closed, reason: .probesSucceeded))
    }

    @Test func halfOpenDecidesOnProbeRates() {
        for (failures, expected) in [(1, CircuitState.closed), (2, .open)] {
            var breaker = machine(.init(failureRate: 50, minimumCalls: 1, halfOpenProbes: 3))
            breaker.call(.failure, at: at(0))
            let permits = (0..<3).compactMap { _ in breaker.acquire(at: at(5000)).permit }
            for (index, permit) in permits.enumerated() {
                _ = breaker.record(
                    index < failures ? .failure : .success, duration: .zero, permit: permit, at: at(5001))
            }
            #expect(breaker.state == expected, "\(failures) of 3 probes failed")
        }
    }

    @Test func ignoredProbeGivesItsSlotBack() {
        var breaker = machine(.init(minimumCalls: 1, halfOpenProbes: 1))
        breaker.call(.failure, at: at(0))
        let permit = breaker.acquire(at: at(5000)).permit
        #expect(breaker.acquire(at: at(5000)).permit == nil)
        if let permit { _ = breaker.record(.ignored, duration: .zero, permit: permit, at: at(5000)) }
        #expect(breaker.acquire(at: at(5000)).permit != nil)
    }

    @Test func halfOpenMaxWaitDecidesOnWhatWasSeen() {
        let config = CircuitBreakerConfig(minimumCalls: 1, halfOpenProbes: 3, halfOpenMaxWait: .seconds(10))
        var seen = machine(config)
        seen.call(.failure, at: at(0))
        let permits = (0..<3).compactMap { _ in seen.acquire(at: at(5000)).permit }
        _ = seen.record(.success, duration: .zero, permit: permits[0], at: at(6000))
        #expect(seen.acquire(at: justBefore(15_000)).rejection?.state == .halfOpen)
        let decision = seen.acquire(at: at(15_000))
        #expect(decision.transition == BreakerTransition(from: .halfOpen, to: .closed, reason: .halfOpenMaxWait))
        #expect(decision.permit != nil)
        // The two probes that never came back are stale now.
        #expect(seen.record(.failure, duration: .zero, permit: permits[1], at: at(15_001)) == nil)

        var none = machine(config)
        none.call(.failure, at: at(0))
        _ = none.acquire(at: at(5000))
        let reopened = none.acquire(at: at(15_000))
        #expect(reopened.transition?.to == .open)
        #expect(reopened.transition?.reason == .halfOpenMaxWait)
        #expect(reopened.transition?.openFor == .seconds(10))  // second trip backs off
    }

    @Test func openDurationBacksOffToTheCapAndResetsAfterClosing() {
        let config = CircuitBreakerConfig(
            minimumCalls: 1, openFor: .seconds(5), maxOpenFor: .seconds(20), halfOpenProbes: 1)
        #expect(
            (1...5).map(config.openDuration(forTrip:)) == [
                .seconds(5), .seconds(10), .seconds(20), .seconds(20), .seconds(20),
            ])
        var breaker = machine(config)
        var now: Int64 = 0
        var observed: [Duration?] = [breaker.call(.failure, at: at(now))?.openFor]
        for _ in 0..<3 {
            now += 60_000
            let permit = breaker.acquire(at: at(now)).permit
            if let permit {
                observed.append(breaker.record(.failure, duration: .zero, permit: permit, at: at(now))?.openFor)
            }
        }
        #expect(observed == [.seconds(5), .seconds(10), .seconds(20), .seconds(20)])
        now += 60_000
        if let permit = breaker.acquire(at: at(now)).permit {
            _ = breaker.record(.success, duration: .zero, permit: permit, at: at(now))
        }
        #expect(breaker.state == .closed)
        #expect(breaker.call(.failure, at: at(now))?.openFor == .seconds(5))
    }

    @Test func staleOutcomesAreDiscarded() {
        var breaker = machine(.init(minimumCalls: 1))
        let old = breaker.acquire(at: at(0)).permit
        _ = breaker.trip(at: at(1))
        _ = breaker.reset(at: at(2))
        if let old { #expect(breaker.record(.failure, duration: .zero, permit: old, at: at(3)) == nil) }
        #expect(breaker.state == .closed)
        #expect(breaker.snapshot(at: at(3)).calls == 0)
    }

    @Test func manualTripForceOpenDisableAndReset() {
        var breaker = machine(.init(minimumCalls: 1))
        #expect(breaker.trip(at: at(0))?.reason == .manual)
        #expect(breaker.snapshot(at: at(1000)).timeUntilProbe == .seconds(4))
        #expect(breaker.forceOpen(at: at(0))?.to == .forcedOpen)
        #expect(breaker.acquire(at: at(999_999)).rejection == BreakerRejection(state: .forcedOpen, retryAfter: nil))
        #expect(breaker.disable(at: at(0))?.to == .disabled)
        for _ in 0..<10 { breaker.call(.failure, at: at(1)) }
        #expect(breaker.state == .disabled)
        #expect(breaker.reset(at: at(2)) == BreakerTransition(from: .disabled, to: .closed, reason: .manual))
    }

    @Test func snapshotReportsRatesAndCounts() {
        var breaker = machine(.init(minimumCalls: 10, window: .count(10)))
        breaker.call(.failure, at: at(0))
        breaker.call(.success, at: at(0), duration: .seconds(3))
        breaker.call(.success, at: at(0))
        breaker.call(.success, at: at(0))
        let snapshot = breaker.snapshot(at: at(0))
        #expect(snapshot.calls == 4)
        #expect(snapshot.failures == 1)
        #expect(snapshot.failureRate == 25)
        #expect(snapshot.slowCallRate == 25)
        #expect(snapshot.minimumCalls == 10)
        #expect(snapshot.timeUntilProbe == nil)
    }
}
