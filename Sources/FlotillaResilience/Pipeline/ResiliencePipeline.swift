/// One dependency's policies composed in a fixed order:
///
/// ```text
/// overall timeout ∘ retry (+ budget) ∘ circuit breaker ∘ bulkhead ∘ per-attempt timeout ∘ operation
/// ```
///
/// - **Overall timeout outermost**: it bounds what the caller waits for, backoff sleeps included,
///   and sets the task-local ``Deadline`` that the retry (no backoff past it) and nested calls read.
/// - **Retry outside the breaker**: every attempt asks the breaker, so once it opens the retries
///   fail fast instead of piling on; an open-breaker rejection is not retryable. The budget caps
///   retries at a fraction of traffic across all callers of the dependency.
/// - **Breaker outside the bulkhead**: an open breaker rejects without taking a slot or a queue
///   place; bulkhead rejections are local overload, `.ignored` by the breaker, so they never trip it.
/// - **Per-attempt timeout innermost**: a hung attempt holds its bulkhead slot no longer than the
///   limit, and the breaker sees the timeout as a failure and a slow call.
///
/// Rate limiting is not part of this pipeline: it guards the gateway's inbound routes
/// (``RateLimiter``), not outbound dependencies.
public final class ResiliencePipeline<C: Clock<Duration>>: Sendable {
    /// The dependency.
    public let name: String
    /// The policy it was built from.
    public let policy: ResiliencePolicy
    /// The clock.
    public let clock: C
    /// The breaker, if configured (exposed for manual trip/reset from the admin port).
    public let breaker: CircuitBreaker<C>?
    /// The bulkhead, if configured.
    public let bulkhead: Bulkhead<C>?
    /// The retrier, if configured.
    public let retrier: Retrier<C>?
    @usableFromInline let timeout: Duration?
    @usableFromInline let perAttemptTimeout: Duration?
    @usableFromInline let enforcement: TimeoutEnforcement

    /// Builds the pipeline of `policy` for dependency `name`.
    public init(
        name: String, policy: ResiliencePolicy, clock: C, predicate: RetryPredicate = .default,
        random: RandomSource = .system, onBreakerTransition: (@Sendable (BreakerTransition) -> Void)? = nil
    ) {
        self.name = name
        self.policy = policy
        self.clock = clock
        self.breaker = policy.breaker.map {
            CircuitBreaker(name: name, config: $0, clock: clock, onTransition: onBreakerTransition)
        }
        self.bulkhead = policy.bulkhead.map { Bulkhead(name: name, config: $0, clock: clock) }
        self.retrier = policy.retry.map {
            Retrier(name: name, config: $0, clock: clock, predicate: predicate, random: random)
        }
        self.timeout = policy.timeout
        self.perAttemptTimeout = policy.retry?.perAttemptTimeout
        self.enforcement = policy.timeoutEnforcement
    }

    /// Runs `operation` through the pipeline. `classify` maps a returned value (say an HTTP
    /// response) to its outcome; `classifyError` maps thrown errors other than this module's own.
    /// When retries are used up the last outcome stands (value returned or error rethrown).
    ///
    /// With ``TimeoutEnforcement/deadlineOnly`` the success path is `@inlinable` end to end (one
    /// specialised function in the caller's module, no generic metadata at run time), reads the
    /// task-local ``Deadline`` once and the clock once for the deadline and the retry budget.
    /// When the caller's deadline (same clock type) is no later than `now + timeout`, the
    /// task-local is left as it is rather than set again to the same instant.
    @inlinable
    public func execute<T: Sendable>(
        idempotency: Idempotency = .idempotent,
        classify: (T) -> CallOutcome = { _ in .success },
        classifyError: (any Error) -> CallOutcome = CallOutcome.classifyDefault,
        _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        guard let timeout else {
            return try await retrying(clock.now, idempotency, classify, classifyError, operation)
        }
        guard case .deadlineOnly = enforcement else {
            return try await racing(timeout, idempotency, classify, classifyError, operation)
        }
        let now = clock.now
        let outer = Deadline.current
        let own = now.advanced(by: timeout)
        if let outerInstant = outer?.instant(on: clock), outerInstant <= own {
            // The caller's deadline is the earlier one and is already the task-local value:
            // setting it again would change nothing, so skip the task-local push and pop.
            guard now < outerInstant else { throw ResilienceError.deadlineExceeded(name: name) }
            return try await retrying(now, idempotency, classify, classifyError, operation)
        }
        let deadline = own
        guard now < deadline else { throw ResilienceError.deadlineExceeded(name: name) }
        return try await Deadline.$current.withValue(Deadline(deadline)) {
            try await retrying(now, idempotency, classify, classifyError, operation)
        }
    }

    /// A status snapshot of every configured part.
    public func snapshot() -> PipelineSnapshot {
        PipelineSnapshot(
            name: name, breaker: breaker?.snapshot(), bulkhead: bulkhead?.snapshot(), retry: retrier?.snapshot())
    }

    /// ``execute(idempotency:classify:classifyError:_:)`` with ``TimeoutEnforcement/race``.
    @usableFromInline
    func racing<T: Sendable>(
        _ timeout: Duration, _ idempotency: Idempotency, _ classify: (T) -> CallOutcome,
        _ classifyError: (any Error) -> CallOutcome, _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        let deadline = Deadline.effective(clock.now.advanced(by: timeout), on: clock)
        return try await withoutActuallyEscaping(classify) { classify in
            try await withoutActuallyEscaping(classifyError) { classifyError in
                let sendableClassify = UncheckedBox(classify)
                let sendableClassifyError = UncheckedBox(classifyError)
                return try await Timeout.race(until: deadline, clock: clock, name: name, limit: timeout) {
                    try await self.retrying(
                        self.clock.now, idempotency, sendableClassify.value, sendableClassifyError.value, operation)
                }
            }
        }
    }

    @inlinable
    func retrying<T: Sendable>(
        _ now: C.Instant, _ idempotency: Idempotency, _ classify: (T) -> CallOutcome,
        _ classifyError: (any Error) -> CallOutcome, _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        guard let retrier else { return try await attempt(classify, classifyError, operation) }
        return try await retrier.run(
            startingAt: now, idempotency: idempotency, classify: classify,
            classifyError: { Self.outcome(of: $0, classifyError) },
            { _ in try await attempt(classify, classifyError, operation) })
    }

    @inlinable
    func attempt<T: Sendable>(
        _ classify: (T) -> CallOutcome, _ classifyError: (any Error) -> CallOutcome,
        _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        guard let breaker else { return try await isolated(operation) }
        return try await breaker.run(
            classify: classify, classifyError: { Self.outcome(of: $0, classifyError) },
            { try await isolated(operation) })
    }

    /// This module's own errors classify themselves; anything else goes to the caller's classifier.
    @usableFromInline
    static func outcome(of error: any Error, _ classifyError: (any Error) -> CallOutcome) -> CallOutcome {
        if let own = error as? ResilienceError { return own.outcome }
        return classifyError(error)
    }

    @inlinable
    func isolated<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        guard let bulkhead else { return try await limited(operation) }
        return try await bulkhead.run { try await limited(operation) }
    }

    @inlinable
    func limited<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        guard let limit = perAttemptTimeout else { return try await operation() }
        return try await limitedSlowPath(limit, operation)
    }

    /// The per-attempt timeout (not on the default policy's path).
    @usableFromInline
    func limitedSlowPath<T: Sendable>(
        _ limit: Duration, _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        let deadline = Deadline.effective(clock.now.advanced(by: limit), on: clock)
        switch enforcement {
        case .deadlineOnly:
            guard clock.now < deadline else { throw ResilienceError.timedOut(name: name, after: limit) }
            return try await Deadline.$current.withValue(Deadline(deadline)) { try await operation() }
        case .race:
            return try await Timeout.race(until: deadline, clock: clock, name: name, limit: limit, operation)
        }
    }
}

/// Carries a non-`Sendable` closure into the timeout race's child task. Sound here because the
/// race awaits its child before returning and the child is the only user of the closure while the
/// parent task is suspended in the race.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
