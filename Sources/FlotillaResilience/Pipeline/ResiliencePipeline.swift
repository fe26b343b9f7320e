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
    /// `operation` runs with the task-local ``Deadline`` set to the deadline in force.
    ///
    /// With ``TimeoutEnforcement/deadlineOnly`` (or no timeout) the success path is `@inlinable`
    /// (specialised in the caller's module) and awaits nothing but `operation`: a synchronous
    /// prelude reads the clock once (deadline and retry budget) and the task-local once, then each
    /// layer admits the call synchronously (breaker: an atomic load; bulkhead: one lock) and
    /// records it after (one lock each). When the caller's deadline (same clock type) is no later
    /// than `now + timeout`, the task-local is left as it is rather than set again to the same
    /// instant. Setting it costs about a fifth of the call (a task-local push and pop and one more
    /// async frame); ``execute(idempotency:classify:classifyError:passingDeadline:)`` avoids that.
    @inlinable
    public func execute<T: Sendable>(
        idempotency: Idempotency = .idempotent,
        classify: (T) -> CallOutcome = { _ in .success },
        classifyError: (any Error) -> CallOutcome = CallOutcome.classifyDefault,
        _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        if let timeout, case .race = enforcement {
            return try await racing(timeout, idempotency, classify, classifyError) { _ in try await operation() }
        }
        let start = try start()
        guard start.setsDeadline, let deadline = start.deadline else {
            return try await attempts(idempotency, start.deadline, classify, classifyError) { _ in try await operation()
            }
        }
        return try await Deadline.$current.withValue(deadline) {
            try await attempts(idempotency, deadline, classify, classifyError) { _ in try await operation() }
        }
    }

    /// ``execute(idempotency:classify:classifyError:_:)`` handing the deadline in force to
    /// `operation` as an argument instead of setting the task-local ``Deadline`` for the call:
    /// `deadline` is the earlier of the caller's task-local deadline (same clock type) and
    /// `now + timeout`, or the caller's task-local as it is when there is no timeout (`nil` if
    /// neither). The retry backoff and a per-attempt timeout honour it as they do the task-local.
    /// Where the pipeline starts a shorter deadline of its own (a per-attempt timeout, or
    /// ``TimeoutEnforcement/race``), it also sets the task-local, as the other form does.
    ///
    /// For a transport that takes the deadline per request (pass `deadline?.remaining(on:)` on,
    /// as a timeout and a header): the success path then makes no task-local write at all.
    @inlinable
    public func execute<T: Sendable>(
        idempotency: Idempotency = .idempotent,
        classify: (T) -> CallOutcome = { _ in .success },
        classifyError: (any Error) -> CallOutcome = CallOutcome.classifyDefault,
        passingDeadline operation: @Sendable (_ deadline: Deadline?) async throws -> T
    ) async throws -> T {
        if let timeout, case .race = enforcement {
            return try await racing(timeout, idempotency, classify, classifyError, operation)
        }
        let start = try start()
        return try await attempts(idempotency, start.deadline, classify, classifyError, operation)
    }

    /// A status snapshot of every configured part.
    public func snapshot() -> PipelineSnapshot {
        PipelineSnapshot(
            name: name, breaker: breaker?.snapshot(), bulkhead: bulkhead?.snapshot(), retry: retrier?.snapshot())
    }

    /// What ``start()`` found: the deadline in force for the call, and whether it is the
    /// pipeline's own (`now + timeout`, to be set as the task-local) rather than the caller's.
    @usableFromInline
    struct Start {
        @usableFromInline let deadline: Deadline?
        @usableFromInline let setsDeadline: Bool

        @inlinable
        init(deadline: Deadline?, setsDeadline: Bool) {
            self.deadline = deadline
            self.setsDeadline = setsDeadline
        }
    }

    /// The synchronous prelude of a call without a racing timeout: reads the clock once, throws
    /// ``ResilienceError/deadlineExceeded(name:)`` if the deadline in force (the earlier of the
    /// caller's and `now + timeout`) has passed, and counts the request in the retry budget.
    ///
    /// Not inlined (`@inline(never)`, still specialised for the caller's clock): inside an async
    /// function every value of a clock's opaque `Instant` type (`ContinuousClock.Instant`) would
    /// be allocated on the task's allocator; here they live on the stack.
    @inlinable @inline(never)
    func start() throws(ResilienceError) -> Start {
        let outer = Deadline.current
        guard let timeout else {
            retrier?.recordRequest(at: clock.now)
            return Start(deadline: outer, setsDeadline: false)
        }
        let now = clock.now
        let own = now.advanced(by: timeout)
        let start: Start
        if let outerInstant = outer?.instant(on: clock), outerInstant <= own {
            guard now < outerInstant else { throw .deadlineExceeded(name: name) }
            start = Start(deadline: outer, setsDeadline: false)
        } else {
            guard now < own else { throw .deadlineExceeded(name: name) }
            start = Start(deadline: Deadline(own), setsDeadline: true)
        }
        retrier?.recordRequest(at: now)
        return start
    }

    /// The calls with ``TimeoutEnforcement/race``: the attempts run in the race's child task, with
    /// the task-local ``Deadline`` set.
    @usableFromInline
    func racing<T: Sendable>(
        _ timeout: Duration, _ idempotency: Idempotency, _ classify: (T) -> CallOutcome,
        _ classifyError: (any Error) -> CallOutcome, _ operation: @Sendable (Deadline?) async throws -> T
    ) async throws -> T {
        let deadline = Deadline.effective(clock.now.advanced(by: timeout), on: clock)
        return try await withoutActuallyEscaping(classify) { classify in
            try await withoutActuallyEscaping(classifyError) { classifyError in
                let sendableClassify = UncheckedBox(classify)
                let sendableClassifyError = UncheckedBox(classifyError)
                return try await Timeout.race(until: deadline, clock: clock, name: name, limit: timeout) {
                    self.retrier?.recordRequest(at: self.clock.now)
                    return try await self.attempts(
                        idempotency, Deadline(deadline), sendableClassify.value, sendableClassifyError.value,
                        operation)
                }
            }
        }
    }

    /// Retry ∘ breaker ∘ bulkhead ∘ per-attempt timeout, the request already counted; `deadline`
    /// is the deadline in force.
    @inlinable
    nonisolated(nonsending) func attempts<T: Sendable>(
        _ idempotency: Idempotency, _ deadline: Deadline?, _ classify: (T) -> CallOutcome,
        _ classifyError: (any Error) -> CallOutcome,
        _ operation: nonisolated(nonsending) @Sendable (Deadline?) async throws -> T
    ) async throws -> T {
        guard let retrier else { return try await attempt(deadline, classify, classifyError, operation) }
        return try await retrier.attempts(
            idempotency: idempotency, deadline: deadline, classify: classify,
            classifyError: { Self.outcome(of: $0, classifyError) },
            { _ in try await attempt(deadline, classify, classifyError, operation) })
    }

    /// One attempt: breaker ∘ bulkhead ∘ per-attempt timeout ∘ operation. The same steps as
    /// ``CircuitBreaker/run(classify:classifyError:_:)`` around ``Bulkhead/run(_:)``, written out
    /// with their synchronous halves so that the attempt is one async function awaiting only the
    /// operation (each nested closure would be an async frame of its own, with executor hops).
    @inlinable
    nonisolated(nonsending) func attempt<T: Sendable>(
        _ deadline: Deadline?, _ classify: (T) -> CallOutcome, _ classifyError: (any Error) -> CallOutcome,
        _ operation: nonisolated(nonsending) @Sendable (Deadline?) async throws -> T
    ) async throws -> T {
        let ticket = try breaker?.acquire()
        let value: T
        do {
            if let bulkhead, !bulkhead.tryAcquire() { try await bulkhead.acquireQueued() }
            defer { bulkhead?.release() }
            value = try await limited(deadline, operation)
        } catch {
            if let ticket { breaker?.record(Self.outcome(of: error, classifyError).breakerVerdict, ticket: ticket) }
            throw error
        }
        if let ticket { breaker?.record(classify(value).breakerVerdict, ticket: ticket) }
        return value
    }
    /// This module's own errors classify themselves; anything else goes to the caller's classifier.
    @usableFromInline
    static func outcome(of error: any Error, _ classifyError: (any Error) -> CallOutcome) -> CallOutcome {
        if let own = error as? ResilienceError { return own.outcome }
        return classifyError(error)
    }

    /// The per-attempt timeout around `operation`, if configured.
    @inlinable
    nonisolated(nonsending) func limited<T: Sendable>(
        _ deadline: Deadline?, _ operation: nonisolated(nonsending) @Sendable (Deadline?) async throws -> T
    ) async throws -> T {
        guard let limit = perAttemptTimeout else { return try await operation(deadline) }
        return try await limitedSlowPath(limit, deadline, operation)
    }

    /// The per-attempt timeout (not on the default policy's path): a new deadline, the earlier of
    /// `now + limit` and `deadline`, set as the task-local and passed to `operation`.
    @usableFromInline
    func limitedSlowPath<T: Sendable>(
        _ limit: Duration, _ deadline: Deadline?, _ operation: @Sendable (Deadline?) async throws -> T
    ) async throws -> T {
        let attemptDeadline = Deadline.effective(clock.now.advanced(by: limit), outer: deadline, on: clock)
        switch enforcement {
        case .deadlineOnly:
            guard clock.now < attemptDeadline else { throw ResilienceError.timedOut(name: name, after: limit) }
            let inForce = Deadline(attemptDeadline)
            return try await Deadline.$current.withValue(inForce) { try await operation(inForce) }
        case .race:
            return try await Timeout.race(until: attemptDeadline, clock: clock, name: name, limit: limit) {
                try await operation(Deadline(attemptDeadline))
            }
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
