import Synchronization

/// Retries an operation by the rules of ``RetryDecider`` within a shared ``RetryBudgetMachine``.
///
/// ```swift
/// let retrier = Retrier(name: "users", config: .init(), clock: ContinuousClock())
/// let reply = try await retrier.run(idempotency: .idempotent, classify: { $0.outcome }) { attempt in
///     try await client.send(request)
/// }
/// ```
///
/// When no retry is made the last outcome stands: a returned value is returned, a thrown error is
/// rethrown unchanged. Backoff sleeps honour the task-local ``Deadline`` and task cancellation.
/// The per-attempt timeout of the configuration is applied by ``ResiliencePipeline`` (innermost);
/// a bare retrier does not apply it. A call that succeeds first time takes the lock once,
/// reads the clock once and allocates nothing; that path is `@inlinable`, so callers in other
/// modules get it specialised for their result type. The retry loop itself is not inlined.
public final class Retrier<C: Clock<Duration>>: Sendable {
    /// The dependency retried.
    public let name: String
    /// The clock backoff sleeps on.
    public let clock: C
    /// The rules.
    public let decider: RetryDecider
    @usableFromInline let random: RandomSource
    @usableFromInline let budget: Mutex<RetryBudgetMachine<C.Instant>>

    /// Creates a retrier; `random` supplies the jitter (inject a fixed source in tests).
    public init(
        name: String, config: RetryConfig, clock: C, predicate: RetryPredicate = .default,
        random: RandomSource = .system
    ) {
        self.name = name
        self.clock = clock
        self.decider = RetryDecider(config: config, predicate: predicate)
        self.random = random
        self.budget = Mutex(RetryBudgetMachine(config: config.budget, origin: clock.now))
    }

    /// Runs `operation(attempt)` (attempt is 1-based) until it succeeds or no retry is allowed.
    /// `nonisolated(nonsending)`: the retrier's own bookkeeping runs on the caller's executor
    /// (no hop in or out); `operation` runs as any `async` closure does.
    @inlinable
    nonisolated(nonsending) public func run<T>(
        idempotency: Idempotency = .idempotent,
        classify: (T) -> CallOutcome = { _ in .success },
        classifyError: (any Error) -> CallOutcome = CallOutcome.classifyDefault,
        _ operation: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        recordRequest(at: clock.now)
        return try await attempts(
            idempotency: idempotency, deadline: Deadline.current, classify: classify, classifyError: classifyError,
            operation)
    }

    /// Counts a first attempt in the budget. Synchronous, so a caller that has just read the clock
    /// (the pipeline reads it once per call, for the deadline too) can share its reading, and no
    /// clock instant (an opaque type for `ContinuousClock`) has to live in an async frame.
    @inlinable
    func recordRequest(at now: C.Instant) {
        budget.withLock { $0.recordRequest(at: now) }
    }

    /// The attempts of ``run(idempotency:classify:classifyError:_:)`` once the request is counted.
    /// `deadline` (read only if a retry is considered) is the deadline backoff must not pass: the
    /// task-local ``Deadline`` for a bare retrier, the pipeline's deadline in force for a pipeline.
    @inlinable
    nonisolated(nonsending) func attempts<T>(
        idempotency: Idempotency, deadline: @autoclosure () -> Deadline?, classify: (T) -> CallOutcome,
        classifyError: (any Error) -> CallOutcome, _ operation: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        // The first attempt is the hot path: a success returns from here. Everything after a
        // failed first attempt (decisions, budget, backoff) is in `retryLoop`.
        let result: Result<T, any Error>
        let outcome: CallOutcome
        do {
            let value = try await operation(1)
            outcome = classify(value)
            if case .success = outcome { return value }
            result = .success(value)
        } catch {
            outcome = classifyError(error)
            result = .failure(error)
        }
        return try await retryLoop(
            after: result, outcome: outcome, idempotency: idempotency, deadline: deadline(), classify: classify,
            classifyError: classifyError, operation)
    }

    /// Attempts 2, 3, …: called once attempt 1 ended with `result`, classified as `outcome`.
    @usableFromInline
    nonisolated(nonsending) func retryLoop<T>(
        after first: Result<T, any Error>, outcome firstOutcome: CallOutcome, idempotency: Idempotency,
        deadline: Deadline?, classify: (T) -> CallOutcome, classifyError: (any Error) -> CallOutcome,
        _ operation: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        var result = first
        var outcome = firstOutcome
        var attempt = 1
        while true {
            let remaining = deadline?.remaining(on: clock)
            let decision = decider.decide(
                attempt: attempt, outcome: outcome, idempotency: idempotency, unit: random.next(),
                remaining: remaining)
            guard case .retry(let delay) = decision else { return try result.get() }
            let now = clock.now
            guard budget.withLock({ $0.tryWithdraw(at: now) }) else { return try result.get() }
            if delay > .zero {
                try await clock.sleep(until: now.advanced(by: delay), tolerance: nil)
            } else {
                try Task.checkCancellation()
            }
            attempt += 1
            do {
                let value = try await operation(attempt)
                outcome = classify(value)
                if case .success = outcome { return value }
                result = .success(value)
            } catch {
                outcome = classifyError(error)
                result = .failure(error)
            }
        }
    }

    /// A status snapshot of the budget.
    public func snapshot() -> RetrySnapshot {
        let now = clock.now
        return budget.withLock { budget in
            let available = budget.available(at: now)
            return RetrySnapshot(
                requestsInWindow: budget.requests, retriesInWindow: budget.retries, budgetAvailable: available,
                budgetRefusals: budget.refused)
        }
    }
}
