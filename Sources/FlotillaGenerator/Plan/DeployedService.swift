import FlotillaSpec

/// A service as it runs in one environment (or in the environment-neutral base): the spec's
/// values with the environment's overrides applied.
///
/// Rules, in order: an override's `autoscale` wins; else an override's `replicas` fixes the
/// count (autoscaling off); else the environment's `replicas` fixes it for every service; else
/// the service's own `replicas`/`autoscale` apply. Resources merge field by field; env entries
/// of the override replace or extend the service's.
struct DeployedService: Sendable, Hashable {
    /// The service.
    let service: ServiceSpec
    /// Environment name; nil for the base.
    let environment: String?
    /// Replica count when not autoscaled.
    let replicas: Int
    /// Autoscaling, if on.
    let autoscale: AutoscaleSpec?
    /// Requests and limits.
    let resources: ResourcesSpec
    /// Plain variables, in spec order with overrides applied.
    let env: [EnvironmentVariable]
    /// Engine of the owned database; nil without one.
    let engine: DatabaseEngine?
    /// Whether PostgreSQL runs in the cluster (development) rather than behind a user's Secret.
    let inClusterDatabase: Bool

    var name: String { service.name.value }

    /// Pods that run at least: the fixed count or the autoscaler's floor.
    var minimumPods: Int { autoscale?.min.value ?? replicas }

    /// The base: the service's own values, PostgreSQL assumed (the production database).
    init(base service: ServiceSpec) {
        self.service = service
        self.environment = nil
        self.replicas = service.replicaCount
        self.autoscale = service.autoscale
        self.resources = service.resources
        self.env = service.env
        self.engine = service.database.map { $0.engine ?? .postgres }
        self.inClusterDatabase = false
    }

    /// The service in `environment`.
    init(_ service: ServiceSpec, in environment: EnvironmentSpec) {
        let override = environment.overrides.first { $0.service.value == service.name.value }
        self.service = service
        self.environment = environment.name.value
        if let autoscale = override?.autoscale {
            self.autoscale = autoscale
            self.replicas = autoscale.min.value
        } else if let replicas = override?.replicas ?? environment.replicas {
            self.autoscale = nil
            self.replicas = replicas.value
        } else {
            self.autoscale = service.autoscale
            self.replicas = service.replicaCount
        }
        self.resources = override?.resources.map { service.resources.applying($0) } ?? service.resources
        var env = service.env
        for variable in override?.env ?? [] {
            if let index = env.firstIndex(where: { $0.name.value == variable.name.value }) {
                env[index] = variable
            } else {
                env.append(variable)
            }
        }
        self.env = env
        self.engine = service.database.map { $0.engine ?? environment.database }
        self.inClusterDatabase = Self.runsDatabasesInCluster(environment.name.value)
    }

    /// Environments named `prod…`, `production` or `stag…` use databases the user provides
    /// (Secrets); every other environment gets in-cluster PostgreSQL so an empty cluster runs.
    static func runsDatabasesInCluster(_ environment: String) -> Bool {
        !(environment.hasPrefix("prod") || environment.hasPrefix("stag"))
    }
}
