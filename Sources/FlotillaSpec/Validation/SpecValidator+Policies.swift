extension SpecValidator {
    /// Policy values that are each valid but contradict one another.
    mutating func checkPolicies() {
        for service in spec.services {
            for call in service.calls {
                checkRetry(
                    call.policy.retry, context: "call '\(call.service.value)' of service '\(service.name.value)'")
                let breaker = call.policy.breaker
                if let location = breaker.location, breaker.openFor > breaker.maxOpenFor {
                    diagnostics.error(
                        "breaker openFor \(breaker.openFor.specText) is longer than maxOpenFor \(breaker.maxOpenFor.specText) in call '\(call.service.value)' of service '\(service.name.value)'",
                        at: location, hint: "maxOpenFor caps the doubling open period; make it at least openFor")
                }
            }
            for saga in service.sagas {
                for step in saga.steps {
                    checkRetry(step.retry, context: "step '\(step.name.value)' of saga '\(saga.name.value)'")
                }
            }
            if service.health.timeout >= service.health.period {
                diagnostics.warning(
                    "health probe timeout \(service.health.timeout.specText) is not shorter than its period \(service.health.period.specText) in service '\(service.name.value)'",
                    at: service.location, hint: "a probe should time out before the next one starts")
            }
        }
    }

    private mutating func checkRetry(_ retry: RetryPolicySpec, context: String) {
        guard let location = retry.location, retry.initialBackoff > retry.maxBackoff else { return }
        diagnostics.error(
            "retry backoff initial \(retry.initialBackoff.specText) is longer than max \(retry.maxBackoff.specText) in \(context)",
            at: location, hint: "max caps every delay; make it at least initial")
    }

    /// Environment overrides name existing services and keep their rules.
    mutating func checkEnvironments() {
        for environment in spec.environments {
            for override in environment.overrides {
                guard let service = resolve(override.service, what: "environment '\(environment.name.value)' overrides")
                else {
                    continue
                }
                let autoscale = override.autoscale ?? service.autoscale
                checkScaling(
                    of: service.name.value, replicas: override.replicas,
                    autoscale: override.autoscale == nil ? nil : autoscale)
                if let resources = override.resources {
                    checkResources(
                        service.resources.applying(resources), of: service.name.value, at: resources.location)
                }
                checkPlainVariables(override.env, of: service.name.value)
            }
        }
    }
}
