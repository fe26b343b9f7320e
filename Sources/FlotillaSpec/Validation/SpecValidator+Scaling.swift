extension SpecValidator {
    /// Autoscaling bounds are ordered, and a fixed replica count does not contradict them.
    mutating func checkScaling() {
        for service in spec.services {
            checkScaling(of: service.name.value, replicas: service.replicas, autoscale: service.autoscale)
        }
    }

    mutating func checkScaling(of service: String, replicas: Located<Int>?, autoscale: AutoscaleSpec?) {
        guard let autoscale else { return }
        if autoscale.min.value > autoscale.max.value {
            diagnostics.error(
                "autoscale min \(autoscale.min.value) is greater than max \(autoscale.max.value) in service '\(service)'",
                at: autoscale.min.location, hint: "min is the fewest replicas, max the most")
        }
        guard let replicas else { return }
        if !(autoscale.min.value...max(autoscale.min.value, autoscale.max.value)).contains(replicas.value) {
            diagnostics.error(
                "replicas \(replicas.value) conflicts with autoscale \(autoscale.min.value)–\(autoscale.max.value) in service '\(service)'",
                at: replicas.location, hint: "remove 'replicas': the autoscaler owns the replica count")
        } else {
            diagnostics.warning(
                "replicas \(replicas.value) is ignored because service '\(service)' autoscales", at: replicas.location,
                hint: "remove 'replicas'; 'autoscale.min' sets the floor")
        }
    }

    /// Requests must not exceed limits, in the base spec and in every environment.
    mutating func checkResources() {
        for service in spec.services {
            checkResources(service.resources, of: service.name.value, at: service.location)
        }
    }

    mutating func checkResources(_ resources: ResourcesSpec, of service: String, at location: SourceLocation) {
        if resources.requests.cpu > resources.limits.cpu {
            diagnostics.error(
                "CPU request \(resources.requests.cpu) exceeds the limit \(resources.limits.cpu) in service '\(service)'",
                at: location, hint: "raise limits.cpu or lower requests.cpu")
        }
        if resources.requests.memory > resources.limits.memory {
            diagnostics.error(
                "memory request \(resources.requests.memory) exceeds the limit \(resources.limits.memory) in service '\(service)'",
                at: location, hint: "raise limits.memory or lower requests.memory")
        }
    }
}
