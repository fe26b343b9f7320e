import FlotillaSpec

/// HorizontalPodAutoscalers and PodDisruptionBudgets.
enum ScalingBuilder {
    /// An `autoscaling/v2` HPA on CPU and/or memory utilisation.
    ///
    /// Utilisation is a percentage of the container's *request*; without a request it is
    /// undefined and the HPA never scales, so a scaled resource without a request is refused.
    static func autoscaler(_ deployed: DeployedService, system: String) throws -> K8s.HorizontalPodAutoscaler? {
        guard let autoscale = deployed.autoscale else { return nil }
        var metrics: [K8s.HorizontalPodAutoscaler.Metric] = []
        let targets = [
            ("cpu", autoscale.cpuTarget, deployed.resources.requests.cpu.millicores),
            ("memory", autoscale.memoryTarget, deployed.resources.requests.memory.bytes),
        ]
        for (resource, target, request) in targets {
            guard let target else { continue }
            guard request > 0 else {
                throw GeneratorError(
                    "\(autoscale.location): service '\(deployed.name)' autoscales on \(resource) without a \(resource) request",
                    hint: "set resources.requests.\(resource); utilisation is measured against it")
            }
            metrics.append(
                K8s.HorizontalPodAutoscaler.Metric(
                    resource: K8s.HorizontalPodAutoscaler.ResourceMetric(
                        name: resource, target: K8s.HorizontalPodAutoscaler.Target(averageUtilization: target))))
        }
        return K8s.HorizontalPodAutoscaler(
            metadata: K8s.ObjectMeta(name: deployed.name, labels: Naming.labels(deployed.service, system: system)),
            spec: K8s.HorizontalPodAutoscaler.Spec(
                scaleTargetRef: K8s.HorizontalPodAutoscaler.CrossVersionObjectReference(name: deployed.name),
                minReplicas: autoscale.min.value, maxReplicas: autoscale.max.value, metrics: metrics))
    }

    /// A PDB allowing one voluntary eviction at a time, wherever at least two pods run: with one
    /// pod any budget either blocks node drains forever or protects nothing.
    static func disruptionBudget(_ deployed: DeployedService, system: String) -> K8s.PodDisruptionBudget? {
        guard deployed.minimumPods > 1 else { return nil }
        return K8s.PodDisruptionBudget(
            metadata: K8s.ObjectMeta(name: deployed.name, labels: Naming.labels(deployed.service, system: system)),
            spec: K8s.PodDisruptionBudget.Spec(
                maxUnavailable: .int(1),
                selector: K8s.LabelSelector(matchLabels: Naming.selector(deployed.name, system: system))))
    }
}
