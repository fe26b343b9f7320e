import Benchmark
import FlotillaResilience

// Each benchmark runs `scaledIterations` calls per sample (scalingFactor .kilo = 1 000), so the
// reported wall-clock figures are per call. Contended variants split the same number of calls
// over `contendedTasks` concurrent tasks hitting one shared policy object.

private let contendedTasks = 4
private let clock = ContinuousClock()

private func contended(_ benchmark: Benchmark, _ body: @escaping @Sendable () async -> Void) async {
    let perTask = benchmark.scaledIterations.count / contendedTasks
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<contendedTasks {
            group.addTask {
                for _ in 0..<perTask { await body() }
            }
        }
    }
}

/// Default configuration: slow-call detection on (2 s), so every call reads the clock twice.
private func makeBreaker(slowCallDuration: Duration? = .seconds(2)) -> CircuitBreaker<ContinuousClock> {
    CircuitBreaker(name: "bench", config: CircuitBreakerConfig(slowCallDuration: slowCallDuration), clock: clock)
}

private func makeLimiter() -> RateLimiter<Int, ContinuousClock> {
    // Effectively unlimited so every acquire takes the admit path.
    RateLimiter(config: RateLimitConfig(quota: 1_000_000_000, window: .seconds(1), burst: 1_000_000), clock: clock)
}

private func makeRetrier() -> Retrier<ContinuousClock> {
    Retrier(name: "bench", config: RetryConfig(), clock: clock)
}

private func makePipeline(_ enforcement: TimeoutEnforcement) -> ResiliencePipeline<ContinuousClock> {
    ResiliencePipeline(name: "bench", policy: ResiliencePolicy(timeoutEnforcement: enforcement), clock: clock)
}

@inline(never)
private func work() async -> Int { 1 }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 200
    )

    let breaker = makeBreaker()
    Benchmark("breaker_closed") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await breaker.run { await work() })
        }
    }
    Benchmark("breaker_closed_sync") { benchmark in
        for _ in benchmark.scaledIterations {
            if let ticket = try? breaker.acquire() { breaker.record(.success, ticket: ticket) }
        }
    }
    let untimed = makeBreaker(slowCallDuration: nil)
    Benchmark("breaker_closed_noslow") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await untimed.run { await work() })
        }
    }
    Benchmark("breaker_closed_noslow_contended") { benchmark in
        await contended(benchmark) { blackHole(try? await untimed.run { await work() }) }
    }
    Benchmark("clock_now") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(clock.now) }
    }
    Benchmark("breaker_closed_contended") { benchmark in
        await contended(benchmark) { blackHole(try? await breaker.run { await work() }) }
    }

    let limiter = makeLimiter()
    Benchmark("limiter_acquire") { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(limiter.acquire(index & 1023))
        }
    }
    Benchmark("limiter_acquire_contended") { benchmark in
        await contended(benchmark) { blackHole(limiter.acquire(7)) }
    }

    let retrier = makeRetrier()
    Benchmark("retry_no_retry") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await retrier.run { _ in await work() })
        }
    }
    Benchmark("retry_no_retry_contended") { benchmark in
        await contended(benchmark) { blackHole(try? await retrier.run { _ in await work() }) }
    }

    // The full pipeline as the kit's ServiceClient calls it: the deadline handed to the operation.
    let pipeline = makePipeline(.deadlineOnly)
    Benchmark("pipeline") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await pipeline.execute { _ in await work() })
        }
    }
    Benchmark("pipeline_contended") { benchmark in
        await contended(benchmark) { blackHole(try? await pipeline.execute { _ in await work() }) }
    }

    // The same pipeline, the deadline set as the task-local for code that reads `Deadline.current`.
    Benchmark("pipeline_task_local") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await pipeline.execute { await work() })
        }
    }
    Benchmark("pipeline_task_local_contended") { benchmark in
        await contended(benchmark) { blackHole(try? await pipeline.execute { await work() }) }
    }

    let racing = makePipeline(.race)
    Benchmark("pipeline_race_timeout") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? await racing.execute { await work() })
        }
    }
}
