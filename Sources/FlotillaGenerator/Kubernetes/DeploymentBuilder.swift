import FlotillaSpec

/// Builds a service's Deployment: restricted pod security, probes on the admin port, a preStop
/// delay and grace period derived from `drain`, spread over zones and nodes.
struct DeploymentBuilder {
    let spec: SystemSpec
    let runtime: RuntimeEnvironment

    /// `terminationGracePeriodSeconds` = preStop + drain + margin: the pod leaves the endpoints
    /// during preStop, then SIGTERM starts the drain, and the margin covers process exit.
    static func gracePeriod(drain: Duration) -> Int {
        Naming.preStopSeconds + drain.wholeSeconds(minimum: 0) + Naming.graceMarginSeconds
    }

    func deployment(_ deployed: DeployedService) -> K8s.Deployment {
        let service = deployed.service
        let system = spec.name.value
        let labels = Naming.labels(service, system: system)
        var annotations: SortedMap<String> = [
            "prometheus.io/scrape": "true", "prometheus.io/port": String(service.ports.admin.value),
            "prometheus.io/path": "/metrics",
        ]
        annotations["kubectl.kubernetes.io/default-container"] = deployed.name
        let selector = K8s.LabelSelector(matchLabels: Naming.selector(deployed.name, system: system))
        let pod = K8s.PodSpec(
            serviceAccountName: deployed.name, automountServiceAccountToken: false,
            terminationGracePeriodSeconds: Self.gracePeriod(drain: service.drain),
            securityContext: K8s.PodSecurityContext(
                runAsNonRoot: true, runAsUser: Naming.uid, runAsGroup: Naming.uid, fsGroup: Naming.uid,
                seccompProfile: K8s.SeccompProfile()),
            topologySpreadConstraints: ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map {
                K8s.TopologySpreadConstraint(
                    maxSkew: 1, topologyKey: $0, whenUnsatisfiable: "ScheduleAnyway", labelSelector: selector,
                    matchLabelKeys: ["pod-template-hash"])
            },
            containers: [container(deployed)],
            volumes: [
                K8s.Volume(name: "tmp", emptyDir: K8s.EmptyDir(sizeLimit: "256Mi")),
                K8s.Volume(
                    name: "spec",
                    configMap: K8s.ConfigMapVolume(
                        name: Naming.specConfigMap(system: system),
                        items: [K8s.KeyToPath(key: "flotilla.yaml", path: "flotilla.yaml")])),
            ])
        return K8s.Deployment(
            metadata: K8s.ObjectMeta(name: deployed.name, labels: labels),
            spec: K8s.Deployment.Spec(
                replicas: deployed.autoscale == nil ? deployed.replicas : nil, revisionHistoryLimit: 5,
                selector: selector,
                strategy: K8s.Deployment.Strategy(
                    rollingUpdate: K8s.Deployment.RollingUpdate(maxSurge: .int(1), maxUnavailable: .int(0))),
                template: K8s.PodTemplate(
                    metadata: K8s.ObjectMeta(name: "", labels: labels, annotations: annotations), spec: pod)))
    }

    private func container(_ deployed: DeployedService) -> K8s.Container {
        let service = deployed.service
        var ports: [K8s.ContainerPort] = []
        if let http = service.ports.http { ports.append(K8s.ContainerPort(name: "http", containerPort: http.value)) }
        ports.append(K8s.ContainerPort(name: "admin", containerPort: service.ports.admin.value))
        let system = spec.name.value
        return K8s.Container(
            name: deployed.name, image: Naming.image(spec, service), imagePullPolicy: "IfNotPresent",
            ports: ports,
            envFrom: [Naming.runtimeConfigMap(system: system), Naming.configMap(deployed.name)].map {
                K8s.EnvFromSource(configMapRef: K8s.NameReference(name: $0))
            },
            env: runtime.secrets(deployed).map(Self.secretVariable),
            resources: Self.resources(deployed.resources),
            startupProbe: Self.startupProbe(service.health),
            livenessProbe: Self.livenessProbe(service.health),
            readinessProbe: Self.readinessProbe(service.health),
            lifecycle: K8s.Lifecycle(
                preStop: K8s.LifecycleHandler(sleep: K8s.SleepAction(seconds: Naming.preStopSeconds))),
            securityContext: K8s.SecurityContext(runAsUser: Naming.uid, runAsGroup: Naming.uid),
            volumeMounts: [
                K8s.VolumeMount(name: "tmp", mountPath: "/tmp"),
                K8s.VolumeMount(name: "spec", mountPath: Naming.specMountDirectory, readOnly: true),
            ])
    }

    /// Start-up: polls the liveness path every 2 s for up to `startupTimeout` (liveness and
    /// readiness wait meanwhile, so a slow start is not killed and a fast one is ready at once).
    static func startupProbe(_ health: HealthSpec) -> K8s.Probe {
        let period = 2
        let failures = max(1, (health.startupTimeout.wholeSeconds() + period - 1) / period)
        return probe(health.liveness, period: period, timeout: health.timeout, failures: failures)
    }

    /// Liveness: every `period`, restart after `failureThreshold` misses.
    static func livenessProbe(_ health: HealthSpec) -> K8s.Probe {
        probe(
            health.liveness, period: health.period.wholeSeconds(), timeout: health.timeout,
            failures: health.failureThreshold)
    }

    /// Readiness: twice as often as liveness, so a draining or overloaded pod leaves the
    /// endpoints before liveness would even notice.
    static func readinessProbe(_ health: HealthSpec) -> K8s.Probe {
        probe(
            health.readiness, period: max(1, health.period.wholeSeconds() / 2), timeout: health.timeout,
            failures: health.failureThreshold)
    }

    private static func probe(_ path: String, period: Int, timeout: Duration, failures: Int) -> K8s.Probe {
        K8s.Probe(
            httpGet: K8s.HTTPGetAction(path: path, port: .string("admin")), periodSeconds: period,
            timeoutSeconds: min(timeout.wholeSeconds(), period), failureThreshold: failures)
    }

    static func secretVariable(_ variable: RuntimeEnvironment.SecretVariable) -> K8s.EnvVar {
        K8s.EnvVar(
            name: variable.name,
            valueFrom: K8s.EnvVarSource(secretKeyRef: K8s.KeyReference(name: variable.secret, key: variable.key)))
    }

    static func resources(_ resources: ResourcesSpec) -> K8s.ResourceRequirements {
        K8s.ResourceRequirements(
            requests: ["cpu": resources.requests.cpu.description, "memory": resources.requests.memory.description],
            limits: ["cpu": resources.limits.cpu.description, "memory": resources.limits.memory.description])
    }
}
