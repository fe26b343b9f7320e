import FlotillaSpec

/// In-cluster PostgreSQL for development environments: a StatefulSet with a PVC, its headless
/// Service, a NetworkPolicy admitting only the owning service, and the dev-only credentials.
struct DatabaseBuilder {
    let spec: SystemSpec

    private var system: String { spec.name.value }

    /// The password of a development database; committed, so only ever used in-cluster in dev.
    static func developmentPassword(_ service: String) -> String { "dev-only-\(service)-password" }

    /// `postgres://user:password@host:5432/name` of a development database.
    static func developmentURL(_ service: ServiceSpec, host: String) -> String {
        let name = service.database?.name ?? service.name.value
        return "postgres://\(service.name.value):\(developmentPassword(service.name.value))@\(host):5432/\(name)"
    }

    func objects(_ service: ServiceSpec) -> [any KubernetesObject] {
        let owner = service.name.value
        let name = Naming.database(owner)
        let database = service.database?.name ?? owner
        let labels: SortedMap<String> = [
            "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": system,
            "app.kubernetes.io/component": "database", "app.kubernetes.io/managed-by": "flotilla",
        ]
        let selector = Naming.selector(name, system: system)
        let readiness = K8s.Probe(
            exec: K8s.ExecAction(command: ["pg_isready", "-U", owner, "-d", database]), periodSeconds: 5,
            timeoutSeconds: 3, failureThreshold: 6)
        let container = K8s.Container(
            name: "postgres", image: Naming.postgresImage, imagePullPolicy: "IfNotPresent",
            ports: [K8s.ContainerPort(name: "postgres", containerPort: 5432)],
            env: [
                K8s.EnvVar(name: "POSTGRES_USER", value: owner), K8s.EnvVar(name: "POSTGRES_DB", value: database),
                K8s.EnvVar(name: "PGDATA", value: "/var/lib/postgresql/data/pgdata"),
                K8s.EnvVar(
                    name: "POSTGRES_PASSWORD",
                    valueFrom: K8s.EnvVarSource(secretKeyRef: K8s.KeyReference(name: name, key: "password"))),
            ],
            resources: K8s.ResourceRequirements(
                requests: ["cpu": "100m", "memory": "256Mi"], limits: ["cpu": "1", "memory": "512Mi"]),
            livenessProbe: readiness, readinessProbe: readiness,
            securityContext: K8s.SecurityContext(runAsUser: 999, runAsGroup: 999),
            volumeMounts: [
                K8s.VolumeMount(name: "data", mountPath: "/var/lib/postgresql/data"),
                K8s.VolumeMount(name: "run", mountPath: "/var/run/postgresql"),
                K8s.VolumeMount(name: "tmp", mountPath: "/tmp"),
            ])
        let statefulSet = K8s.StatefulSet(
            metadata: K8s.ObjectMeta(name: name, labels: labels),
            spec: K8s.StatefulSet.Spec(
                replicas: 1, serviceName: name, selector: K8s.LabelSelector(matchLabels: selector),
                template: K8s.PodTemplate(
                    metadata: K8s.ObjectMeta(name: "", labels: labels),
                    spec: K8s.PodSpec(
                        automountServiceAccountToken: false, terminationGracePeriodSeconds: 30,
                        securityContext: K8s.PodSecurityContext(
                            runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, fsGroup: 999,
                            seccompProfile: K8s.SeccompProfile()),
                        containers: [container],
                        volumes: [
                            K8s.Volume(name: "run", emptyDir: K8s.EmptyDir(sizeLimit: "16Mi")),
                            K8s.Volume(name: "tmp", emptyDir: K8s.EmptyDir(sizeLimit: "256Mi")),
                        ])),
                volumeClaimTemplates: [
                    K8s.PersistentVolumeClaim(
                        metadata: K8s.ObjectMeta(name: "data", labels: labels),
                        spec: K8s.PersistentVolumeClaim.Spec(
                            accessModes: ["ReadWriteOnce"],
                            resources: K8s.PersistentVolumeClaim.Requests(requests: ["storage": "1Gi"])))
                ]))
        let headless = K8s.Service(
            metadata: K8s.ObjectMeta(name: name, labels: labels),
            spec: K8s.Service.Spec(
                clusterIP: "None", selector: selector,
                ports: [K8s.ServicePort(name: "postgres", port: 5432, targetPort: .string("postgres"))]))
        let policy = K8s.NetworkPolicy(
            metadata: K8s.ObjectMeta(name: name, labels: labels),
            spec: K8s.NetworkPolicy.Spec(
                podSelector: K8s.LabelSelector(matchLabels: selector), policyTypes: ["Ingress", "Egress"],
                ingress: [
                    K8s.NetworkPolicy.IngressRule(
                        from: [
                            K8s.NetworkPolicy.Peer(
                                podSelector: K8s.LabelSelector(matchLabels: Naming.selector(owner, system: system)))
                        ],
                        ports: [K8s.NetworkPolicy.Port(protocol: "TCP", port: .string("postgres"))])
                ], egress: nil))
        return [statefulSet, headless, policy]
    }
}
