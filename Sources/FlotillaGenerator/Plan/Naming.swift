import FlotillaSpec

/// Names and labels shared by every artifact, so compose, Kubernetes and CI agree.
enum Naming {
    /// The fixed numeric user and group every container runs as (image `USER` and pod
    /// `securityContext` alike); above the range distributions give to system and login users.
    static let uid = 10001

    /// Where the spec file is mounted read-only in every container.
    static let specMountDirectory = "/etc/flotilla"
    /// `FLOTILLA_SPEC`.
    static let specPath = "/etc/flotilla/flotilla.yaml"
    /// Data folder for SQLite in Kubernetes (on the `/tmp` emptyDir).
    static let kubernetesDataDirectory = "/tmp/data"
    /// Data folder for SQLite in compose (a named volume).
    static let composeDataDirectory = "/var/lib/flotilla"
    /// The label that lets a pod scrape admin ports (Prometheus, the dashboard).
    static let monitoringLabel = "flotilla.dev/monitoring"
    /// preStop sleep: time for endpoint removal to reach every kube-proxy and the gateway.
    static let preStopSeconds = 5
    /// Slack between the end of draining and SIGKILL.
    static let graceMarginSeconds = 5
    /// Pinned PostgreSQL image of compose and in-cluster development databases.
    static let postgresImage = "postgres:17.5-bookworm"
    /// Pinned OpenTelemetry collector of compose.
    static let collectorImage = "otel/opentelemetry-collector:0.128.0"
    /// OTLP/HTTP port of the collector.
    static let collectorPort = 4318

    /// `FLOTILLA_UPSTREAM_<NAME>`: upper-cased, `-` → `_`.
    static func upstreamVariable(_ service: String) -> String {
        "FLOTILLA_UPSTREAM_" + service.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The binary inside the image.
    static func binary(_ service: ServiceSpec) -> String { "/app/\(service.product)" }

    /// `app.kubernetes.io/*` labels of a service's objects.
    static func labels(_ service: ServiceSpec, system: String) -> SortedMap<String> {
        [
            "app.kubernetes.io/name": service.name.value, "app.kubernetes.io/part-of": system,
            "app.kubernetes.io/component": service.role.rawValue, "app.kubernetes.io/managed-by": "flotilla",
        ]
    }

    /// The stable selector: name and system only, so changing a role never orphans pods.
    static func selector(_ name: String, system: String) -> SortedMap<String> {
        ["app.kubernetes.io/name": name, "app.kubernetes.io/part-of": system]
    }

    /// Secret holding a service's `DATABASE_URL` under key `url`.
    static func databaseSecret(_ service: String) -> String { "\(service)-database" }
    /// Secret holding the admin token under key `token`.
    static func adminSecret(system: String) -> String { "\(system)-admin" }
    /// ConfigMap holding the spec file.
    static func specConfigMap(system: String) -> String { "\(system)-spec" }
    /// ConfigMap holding settings every service shares.
    static func runtimeConfigMap(system: String) -> String { "\(system)-runtime" }
    /// ConfigMap holding one service's own settings.
    static func configMap(_ service: String) -> String { "\(service)-config" }
    /// Headless Service used for discovery.
    static func headless(_ service: String) -> String { "\(service)-headless" }
    /// Development database of a service (StatefulSet, Service, compose service).
    static func database(_ service: String) -> String { "\(service)-db" }

    /// Image reference without tag.
    static func image(_ spec: SystemSpec, _ service: ServiceSpec) -> String {
        spec.image.repository(system: spec.name.value, service: service.name.value)
    }
}
