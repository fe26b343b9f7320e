import FlotillaResilience

/// What a single call of a saga run is: a step's action or compensation, or a hook.
enum SagaCall {
    case action(Int)
    case compensation(Int)
    case hook(SagaHook)
}

/// How a call ended after all its attempts.
enum SagaCallResult<T> {
    case succeeded(T)
    case failed(String)
}

extension SagaRun {
    /// Runs `operation` with the retry policy: each attempt is announced in the store first (a step's
    /// state and attempt count) and its failure recorded after; declined errors and the last attempt
    /// end the call; between attempts it sleeps the backoff on the clock, unless stopping.
    func call<T: Sendable>(
        _ target: SagaCall, policy: SagaRetryPolicy, timeout: Duration?,
        classify: @Sendable (any Error) -> SagaFailureKind,
        _ operation: @escaping @Sendable (SagaContext) async throws -> T
    ) async throws(SagaHalt) -> SagaCallResult<T> {
        let clock = environment.clock
        let started = clock.now
        let limit = max(1, policy.attempts)
        var attempt = 0
        while true {
            guard !environment.stop.isRaised else { throw .stopped }
            attempt += 1
            let context = try await begin(target, attempt: attempt)
            let outcome: Result<T, any Error>
            do {
                if let timeout {
                    let limited = Timeout(
                        name: "saga \(record.name) \(context.stepName)", duration: timeout, clock: clock)
                    outcome = .success(try await limited.run { try await operation(context) })
                } else {
                    outcome = .success(try await operation(context))
                }
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let value):
                report(target, context, succeeded: true, attempts: attempt, since: started)
                return .succeeded(value)
            case .failure(let error):
                if Task.isCancelled { throw .stopped }
                let message = SagaPayload.describe(error)
                if classify(error) == .declined || attempt >= limit {
                    report(target, context, succeeded: false, attempts: attempt, since: started)
                    return .failed(message)
                }
                try await noteFailure(target, message)
                let delay = policy.backoff.delay(forRetry: attempt, unit: environment.random.next())
                environment.emit(
                    .retrying(
                        saga: record.name, id: record.id, call: context.stepName, attempt: attempt, delay: delay,
                        error: message))
                if delay > .zero {
                    guard await environment.stop.sleep(until: clock.now.advanced(by: delay), on: clock) else {
                        throw .stopped
                    }
                }
            }
        }
    }

    /// Writes the "attempt started" transition of a step (hooks have no row) and returns the call's context.
    private func begin(_ target: SagaCall, attempt: Int) async throws(SagaHalt) -> SagaContext {
        switch target {
        case .action(let index):
            try await write(step: index) { record, now in
                record.phase = .running
                record.currentStep = index
                record.steps[index].state = .running
                record.steps[index].attempts += 1
                record.steps[index].startedAt = record.steps[index].startedAt ?? now
            }
            let step = record.steps[index]
            return context(step.name, key: step.idempotencyKey, attempt: step.attempts, failure: nil)
        case .compensation(let index):
            try await write(step: index) { record, _ in
                record.phase = .compensating
                record.steps[index].state = .compensating
                record.steps[index].attempts += 1
            }
            let step = record.steps[index]
            return context(
                step.name, key: SagaContext.compensationKey(sagaID: record.id, step: step.name),
                attempt: step.attempts, failure: record.lastError)
        case .hook(let hook):
            return context(
                hook.rawValue, key: "\(record.id):\(hook.rawValue)", attempt: attempt, failure: record.lastError)
        }
    }

    /// Records a failed attempt's error on the step before the backoff.
    private func noteFailure(_ target: SagaCall, _ message: String) async throws(SagaHalt) {
        switch target {
        case .action(let index), .compensation(let index):
            try await write(step: index) { record, _ in record.steps[index].lastError = message }
        case .hook: return
        }
    }

    private func context(_ name: String, key: String, attempt: Int, failure: String?) -> SagaContext {
        SagaContext(
            sagaID: record.id, sagaName: record.name, stepName: name, idempotencyKey: key, attempt: attempt,
            failure: failure)
    }

    private func report(_ target: SagaCall, _ context: SagaContext, succeeded: Bool, attempts: Int, since: C.Instant) {
        let kind: SagaCallReport.Kind =
            switch target {
            case .action: .action
            case .compensation: .compensation
            case .hook: .hook
            }
        environment.emit(
            .callFinished(
                SagaCallReport(
                    saga: record.name, id: record.id, call: context.stepName, kind: kind, succeeded: succeeded,
                    attempts: attempts, duration: since.duration(to: environment.clock.now))))
    }
}
