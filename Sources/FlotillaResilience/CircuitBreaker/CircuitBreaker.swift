import Synchronization

/// A thread-safe circuit breaker: a ``CircuitBreakerMachine`` behind a `Mutex`, reading `clock`.
///
/// ```swift
/// let breaker = CircuitBreaker(name: "payments", config: .init(), clock: ContinuousClock())
/// let reply = try await breaker.run(classify: { $0.status.outcome }) { try await client.send(req) }
/// ```
///
/// A closed-path call allocates nothing and takes the lock once: admission reads an atomic copy
/// of the machine's state and generation (``CircuitBreakerMachine/fastPathWord``, updated under
/// the lock on every change) and issues the permit the machine would issue; recording takes the
/// lock. It reads the clock twice (start, end) when slow-call detection is on, once (end) for a
/// time-based window without it, and not at all for a count window without it. With
/// `ContinuousClock` on Linux the slow-call timing of a closed count-window call reads the
/// clock's time source directly (`CLOCK_BOOTTIME`, what `ContinuousClock.now` reads), which
/// gives the same durations without the standard library's out-of-line calls. Other states
/// (open, half-open, forced open) take the lock to admit. The hot paths are `@inlinable`, so
/// callers in other modules get code specialised for their clock. Transitions are published on
/// ``events`` and to the optional `onTransition` callback, outside the lock.
public final class CircuitBreaker<C: Clock<Duration>>: Sendable {
    /// The dependency this breaker protects (used in errors and snapshots).
    public let name: String
    /// The clock all timing reads.
    public let clock: C
    @usableFromInline let machine: Mutex<CircuitBreakerMachine<C.Instant>>
    /// The machine's ``CircuitBreakerMachine/fastPathWord``, written under the lock.
    @usableFromInline let fastPath: Atomic<UInt64>
    /// Passed as `now` / `duration` to the machine when it will not read them.
    @usableFromInline let origin: C.Instant
    /// ``ContinuousNanos/read()`` at creation when ``readsTimeDirectly``, else 0: the origin of
    /// ``BreakerTicket/started`` for directly timed calls.
    @usableFromInline let originNanos: Int64
    @usableFromInline let measuresDuration: Bool
    @usableFromInline let recordsTime: Bool
    private let continuation: AsyncStream<BreakerTransition>.Continuation
    private let onTransition: (@Sendable (BreakerTransition) -> Void)?
    /// State changes, newest 64 buffered. Single consumer (an `AsyncStream`).
    public let events: AsyncStream<BreakerTransition>

    /// Creates a closed breaker.
    /// - Parameter onTransition: called synchronously (outside the lock) on every state change.
    public init(
        name: String, config: CircuitBreakerConfig, clock: C,
        onTransition: (@Sendable (BreakerTransition) -> Void)? = nil
    ) {
        self.name = name
        self.clock = clock
        let origin = clock.now
        let machine = CircuitBreakerMachine(config: config, origin: origin)
        self.origin = origin
        self.originNanos = ContinuousNanos.isAvailable && C.self == ContinuousClock.self ? ContinuousNanos.read() : 0
        self.measuresDuration = machine.measuresDuration
        self.recordsTime = machine.recordsTime
        self.fastPath = Atomic(machine.fastPathWord)
        self.machine = Mutex(machine)
        let (stream, continuation) = AsyncStream.makeStream(
            of: BreakerTransition.self, bufferingPolicy: .bufferingNewest(64))
        self.events = stream
        self.continuation = continuation
        self.onTransition = onTransition
    }

    deinit {
        continuation.finish()
    }

    /// The configuration in force.
    public var config: CircuitBreakerConfig { machine.withLock { $0.config } }

    /// Asks to make a call. Throws ``ResilienceError/circuitOpen(name:state:retryAfter:)`` when
    /// rejected; otherwise returns a ticket to hand to ``record(_:ticket:)``.
    ///
    /// Closed or disabled: no lock (an atomic load). Otherwise the machine decides under the lock.
    @inlinable
    public func acquire() throws(ResilienceError) -> BreakerTicket {
        let word = fastPath.load(ordering: .acquiring)
        if let permit = CircuitBreakerMachine<C.Instant>.fastPermit(word: word) {
            return BreakerTicket(permit: permit, started: measuresDuration ? elapsedNow() : nil)
        }
        return try acquireLocked()
    }

    /// Whether calls are timed by reading `ContinuousClock`'s time source directly
    /// (``ContinuousNanos``) instead of through `clock.now`: `C` is `ContinuousClock` on Linux.
    /// Constant-folded in code specialised for the clock.
    @inlinable
    var readsTimeDirectly: Bool { ContinuousNanos.isAvailable && C.self == ContinuousClock.self }

    /// Time since the breaker's timing origin, for ``BreakerTicket/started`` and the slow-call
    /// duration. Same clock either way; the direct read skips `clock.now` and `duration(to:)`.
    @inlinable
    func elapsedNow() -> Duration {
        if readsTimeDirectly { return .nanoseconds(ContinuousNanos.read() &- originNanos) }
        return origin.duration(to: clock.now)
    }

    /// Records how an admitted call ended; its duration is measured from the ticket's start.
    @inlinable
    public func record(_ verdict: BreakerVerdict, ticket: BreakerTicket) {
        let transition: BreakerTransition?
        if readsTimeDirectly, let started = ticket.started, !recordsTime, !ticket.permit.isProbe {
            // Closed or disabled permit, count window, slow-call detection on (the default
            // config): the machine reads `duration` but not `now`, and the direct read is the
            // same clock as `clock.now`.
            let duration = elapsedNow() - started
            transition = withMachine { $0.record(verdict, duration: duration, permit: ticket.permit, at: origin) }
        } else if ticket.started != nil || recordsTime || ticket.permit.isProbe {
            let now = clock.now
            let duration = ticket.started.map { elapsed(at: now) - $0 } ?? .zero
            transition = withMachine { $0.record(verdict, duration: duration, permit: ticket.permit, at: now) }
        } else {
            // Closed or disabled permit, count window, no slow-call detection: the machine reads
            // neither `duration` nor `now` (see CircuitBreakerMachine.record), so skip the clock.
            transition = withMachine { $0.record(verdict, duration: .zero, permit: ticket.permit, at: origin) }
        }
        if let transition { publish(transition) }
    }

    /// The lock path of ``acquire()``: open, half-open and forced-open states.
    @usableFromInline
    @_specialize(exported:true,where C == ContinuousClock)
    @_specialize(exported:true,where C == SuspendingClock)
    func acquireLocked() throws(ResilienceError) -> BreakerTicket {
        let now = clock.now
        let decision = withMachine { $0.acquire(at: now) }
        if let transition = decision.transition { publish(transition) }
        guard let permit = decision.permit else {
            let rejection = decision.rejection ?? BreakerRejection(state: .open, retryAfter: nil)
            throw .circuitOpen(name: name, state: rejection.state, retryAfter: rejection.retryAfter)
        }
        return BreakerTicket(permit: permit, started: measuresDuration ? elapsed(at: now) : nil)
    }

    /// ``elapsedNow()`` for a reading `now` of `clock` that the caller needs anyway. With direct
    /// reads the tickets' starts are measured from ``originNanos``, so a fresh direct read is
    /// taken (the same clock, a few nanoseconds later than `now`).
    @inlinable
    func elapsed(at now: C.Instant) -> Duration {
        if readsTimeDirectly { return elapsedNow() }
        return origin.duration(to: now)
    }

    /// Runs `body` on the machine under the lock, then refreshes ``fastPath`` if the machine's
    /// state or generation changed (a relaxed load, and a store only on a change).
    @inlinable
    func withMachine<R>(_ body: (inout CircuitBreakerMachine<C.Instant>) -> R) -> R {
        machine.withLock { machine in
            let result = body(&machine)
            let word = machine.fastPathWord
            if fastPath.load(ordering: .relaxed) != word { fastPath.store(word, ordering: .releasing) }
            return result
        }
    }

    /// Runs `operation` through the breaker. A returned value is classified by `classify`
    /// (default: success); a thrown error by `classifyError` (default: cancellation and local
    /// rejections are ignored, anything else is a failure) and rethrown unchanged.
    @inlinable
    public func run<T>(
        classify: (T) -> CallOutcome = { _ in .success },
        classifyError: (any Error) -> CallOutcome = CallOutcome.classifyDefault,
        _ operation: () async throws -> T
    ) async throws -> T {
        let ticket = try acquire()
        let value: T
        do {
            value = try await operation()
        } catch {
            record(classifyError(error).breakerVerdict, ticket: ticket)
            throw error
        }
        record(classify(value).breakerVerdict, ticket: ticket)
        return value
    }

    /// Trips the breaker now (it will probe after the backed-off open duration).
    public func trip() { apply { $0.trip(at: $1) } }
    /// Holds the breaker open until ``reset()``.
    public func forceOpen() { apply { $0.forceOpen(at: $1) } }
    /// Admits everything and records nothing until ``reset()``.
    public func disable() { apply { $0.disable(at: $1) } }
    /// Closes the breaker and clears its window and back-off.
    public func reset() { apply { $0.reset(at: $1) } }

    /// A status snapshot for the dashboard.
    public func snapshot() -> CircuitBreakerSnapshot {
        let now = clock.now
        return withMachine { $0.snapshot(at: now) }
    }

    private func apply(
        _ change: (inout CircuitBreakerMachine<C.Instant>, C.Instant) -> BreakerTransition?
    ) {
        let now = clock.now
        let transition = withMachine { change(&$0, now) }
        if let transition { publish(transition) }
    }

    @usableFromInline
    func publish(_ transition: BreakerTransition) {
        continuation.yield(transition)
        onTransition?(transition)
    }
}

/// Admission ticket of ``CircuitBreaker/acquire()``: the permit and when the call started.
@frozen
public struct BreakerTicket: Sendable {
    /// The machine's permit.
    public let permit: BreakerPermit
    /// When the call was admitted, as time since the breaker was created; `nil` when the breaker
    /// does not time calls (slow-call detection off, see ``CircuitBreakerConfig/slowCallDuration``).
    /// A duration rather than a clock instant: it is a plain value to copy, where some clocks'
    /// instants (`ContinuousClock.Instant`) are opaque to other modules.
    public let started: Duration?

    /// Creates a ticket.
    @inlinable
    public init(permit: BreakerPermit, started: Duration?) {
        self.permit = permit
        self.started = started
    }
}

extension CallOutcome {
    /// Default error classification: `CancellationError` → `.ignored`, a ``ResilienceError`` →
    /// its ``ResilienceError/outcome``, anything else → `.failure`.
    public static func classifyDefault(_ error: any Error) -> CallOutcome {
        if error is CancellationError { return .ignored }
        if let resilience = error as? ResilienceError { return resilience.outcome }
        return .failure
    }
}
