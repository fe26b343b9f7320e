extension SpecSchema {
    static let dependency = Schema(
        .object([
            Property(
                "timeout", Schema(.scalar(.duration), "Deadline for the whole call, retries included."), default: "2s"),
            Property("retry", retry),
            Property("breaker", breaker),
            Property("bulkhead", bulkhead),
        ]),
        "How this service calls one dependency. An empty value takes every default.")

    static let backoff = Schema(
        .object([
            Property("initial", Schema(.scalar(.duration), "Cap of the first delay."), default: "50ms"),
            Property("max", Schema(.scalar(.duration), "Largest delay."), default: "1s"),
            Property("multiplier", Schema(.scalar(.number(1...10)), "Growth of the cap per attempt."), default: "2"),
        ]),
        "Exponential backoff with full jitter.")

    static let retryBudget = Schema(
        .object([
            Property("ratio", Schema(.scalar(.number(0...1)), "Retries allowed per recent request."), default: "0.2"),
            Property(
                "minPerSecond", Schema(.scalar(.integer(0...10_000)), "Retries always allowed per second."),
                default: "10"),
        ]),
        "Caps retries so they cannot amplify an outage.")

    static let retry = Schema(
        .object([
            Property(
                "attempts", Schema(.scalar(.integer(1...20)), "Total attempts, the first included."), default: "3"),
            Property("backoff", backoff),
            Property("budget", retryBudget),
            Property(
                "safe", Schema(.scalar(.boolean), "Retry non-idempotent requests too (only with idempotency keys)."),
                default: "false"),
        ]),
        "Retries of failed attempts.")

    static let breakerWindow = Schema(
        .object([
            Property(
                "type",
                Schema(
                    .scalar(.oneOf(["count", "time"])), "Count the last N calls, or the calls of the last N seconds."),
                default: "count"),
            Property("size", Schema(.scalar(.string), "Calls (count) or a duration (time)."), default: "100 or 60s"),
        ]),
        "The sliding window the rates are computed over.")

    static let breaker = Schema(
        .object([
            Property(
                "failureRate", Schema(.scalar(.integer(1...100)), "Trip at this failure percentage."), default: "50"),
            Property(
                "slowCallRate", Schema(.scalar(.integer(1...100)), "Trip at this slow-call percentage."), default: "100"
            ),
            Property(
                "slowCallDuration", Schema(.scalar(.duration), "A call slower than this is slow."),
                default: "the call timeout"),
            Property(
                "minimumCalls", Schema(.scalar(.integer(1...100_000)), "Calls in the window before rates count."),
                default: "20"),
            Property("window", breakerWindow),
            Property(
                "consecutiveFailures",
                Schema(.scalar(.integer(1...10_000)), "Also trip after this many failures in a row.")),
            Property("openFor", Schema(.scalar(.duration), "First open period."), default: "5s"),
            Property("maxOpenFor", Schema(.scalar(.duration), "Cap of the doubling open period."), default: "60s"),
            Property(
                "halfOpenProbes", Schema(.scalar(.integer(1...1000)), "Probe calls admitted when half-open."),
                default: "3"),
            Property(
                "halfOpenMaxWait", Schema(.scalar(.duration), "Longest wait for probes before deciding."),
                default: "10s"),
        ]),
        "Circuit breaker.")

    static let bulkhead = Schema(
        .object([
            Property(
                "maxConcurrent", Schema(.scalar(.integer(1...100_000)), "Calls in flight at once."), default: "64"),
            Property("maxQueue", Schema(.scalar(.integer(0...100_000)), "Calls waiting for a slot."), default: "64"),
            Property("queueTimeout", Schema(.scalar(.duration), "Longest wait for a slot."), default: "100ms"),
        ]),
        "Concurrency limit with a bounded queue.")

    static let rateLimit = Schema(
        .object([
            Property(
                "quota", Schema(.scalar(.integer(1...10_000_000)), "Requests allowed per window."), required: true),
            Property("window", Schema(.scalar(.duration), "The window the quota applies to."), default: "1m"),
            Property(
                "burst", Schema(.scalar(.integer(0...10_000_000)), "Extra requests allowed at once."), default: "0"),
            Property(
                "key",
                Schema(
                    .scalar(.oneOf(RateLimitKey.allCases.map(\.rawValue))), "Per verified user, or per client address."),
                default: "client"),
        ]),
        "GCRA rate limit per route and client key.")

    static let route = Schema(
        .object([
            Property("prefix", Schema(.scalar(.path), "Path prefix matched on segment boundaries."), required: true),
            Property("service", Schema(.scalar(.name), "Upstream service."), required: true),
            Property("rewrite", Schema(.scalar(.path), "Replacement for the prefix upstream."), default: "the prefix"),
            Property(
                "auth", Schema(.scalar(.oneOf(RouteAuth.allCases.map(\.rawValue))), "Whether a valid JWT is needed."),
                default: "required"),
            Property("rateLimit", rateLimit),
        ]),
        "A gateway route.")

    static let sagaStep = Schema(
        .object([
            Property("name", Schema(.scalar(.name), "Step name."), required: true),
            Property("action", Schema(.scalar(.operation), "service.operation to run."), required: true),
            Property("compensation", Schema(.scalar(.operation), "service.operation that undoes the action.")),
            Property("timeout", Schema(.scalar(.duration), "Deadline per attempt."), default: "5s"),
            Property("retry", retry),
        ]),
        "One saga step.")

    static let saga = Schema(
        .object([
            Property("steps", Schema(.list(sagaStep, itemNoun: "step"), "Steps, run in order."), required: true)
        ]),
        "An orchestrated saga.")
}
