extension ModelBuilder {
    mutating func callPolicy(_ node: YAMLNode) -> CallPolicy {
        let timeout = node["timeout"].duration ?? CallPolicy.default.timeout
        return CallPolicy(
            timeout: timeout, retry: retry(node["retry"]), breaker: breaker(node["breaker"], callTimeout: timeout),
            bulkhead: bulkhead(node["bulkhead"]))
    }

    func retry(_ node: YAMLNode) -> RetryPolicySpec {
        let base = RetryPolicySpec.default
        let backoff = node["backoff"]
        let budget = node["budget"]
        return RetryPolicySpec(
            attempts: node["attempts"].int ?? base.attempts,
            initialBackoff: backoff["initial"].duration ?? base.initialBackoff,
            maxBackoff: backoff["max"].duration ?? base.maxBackoff,
            multiplier: backoff["multiplier"].double ?? base.multiplier,
            budgetRatio: budget["ratio"].double ?? base.budgetRatio,
            budgetMinPerSecond: budget["minPerSecond"].int ?? base.budgetMinPerSecond,
            retriesUnsafeMethods: node["safe"].bool ?? base.retriesUnsafeMethods,
            location: node.isPresent ? node.location : nil)
    }

    private mutating func breaker(_ node: YAMLNode, callTimeout: Duration) -> BreakerPolicySpec {
        let base = BreakerPolicySpec.default(slowCallDuration: callTimeout)
        return BreakerPolicySpec(
            failureRate: node["failureRate"].int ?? base.failureRate,
            slowCallRate: node["slowCallRate"].int ?? base.slowCallRate,
            slowCallDuration: node["slowCallDuration"].duration ?? base.slowCallDuration,
            minimumCalls: node["minimumCalls"].int ?? base.minimumCalls,
            window: window(node["window"]) ?? base.window,
            consecutiveFailures: node["consecutiveFailures"].int,
            openFor: node["openFor"].duration ?? base.openFor,
            maxOpenFor: node["maxOpenFor"].duration ?? base.maxOpenFor,
            halfOpenProbes: node["halfOpenProbes"].int ?? base.halfOpenProbes,
            halfOpenMaxWait: node["halfOpenMaxWait"].duration ?? base.halfOpenMaxWait,
            location: node.isPresent ? node.location : nil)
    }

    /// The window's `size` means calls for `type: count` and a duration for `type: time`, so it is
    /// checked here rather than by the schema.
    private mutating func window(_ node: YAMLNode) -> BreakerPolicySpec.Window? {
        guard node.isPresent else { return nil }
        let size = node["size"]
        if node["type"].string == "time" {
            guard size.isPresent else { return .time(.seconds(60)) }
            if let duration = size.duration, duration > .zero { return .time(duration) }
            diagnostics.error(
                "window size must be a duration for a time window, found \(size.kindDescription)", at: size.location,
                hint: "e.g. size: 30s")
            return nil
        }
        guard size.isPresent else { return .count(100) }
        if let calls = size.int, (1...100_000).contains(calls) { return .count(calls) }
        diagnostics.error(
            "window size must be a number of calls between 1 and 100000 for a count window, found \(size.kindDescription)",
            at: size.location, hint: "e.g. size: 100, or type: time with size: 30s")
        return nil
    }

    private func bulkhead(_ node: YAMLNode) -> BulkheadPolicySpec {
        let base = BulkheadPolicySpec.default
        return BulkheadPolicySpec(
            maxConcurrent: node["maxConcurrent"].int ?? base.maxConcurrent,
            maxQueue: node["maxQueue"].int ?? base.maxQueue,
            queueTimeout: node["queueTimeout"].duration ?? base.queueTimeout)
    }
}
