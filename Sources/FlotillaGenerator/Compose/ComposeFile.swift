/// A compose file (compose-spec), with only the fields Flotilla sets.
public struct ComposeFile: Encodable, Sendable, Hashable {
    /// Project name.
    public var name: String
    /// Services by name.
    public var services: SortedMap<Service>
    /// Networks.
    public var networks: SortedMap<Network>
    /// Named volumes.
    public var volumes: SortedMap<Volume>?
    /// Secrets read from files.
    public var secrets: SortedMap<FileSource>?
    /// Configs read from files.
    public var configs: SortedMap<FileSource>?

    /// One container.
    public struct Service: Encodable, Sendable, Hashable {
        /// How to build the image.
        public var build: Build?
        /// Image name (tag of the build).
        public var image: String
        /// Arguments.
        public var command: [String]?
        /// Variables.
        public var environment: SortedMap<String>?
        /// Secrets mounted at `/run/secrets/<name>`.
        public var secrets: [String]?
        /// Configs mounted.
        public var configs: [ConfigMount]?
        /// Published ports.
        public var ports: [Port]?
        /// Health check.
        public var healthcheck: Healthcheck?
        /// Start order.
        public var dependsOn: SortedMap<Dependency>?
        /// Restart policy.
        public var restart: String
        /// Immutable root filesystem.
        public var readOnly: Bool?
        /// In-memory mounts.
        public var tmpfs: [String]?
        /// `uid:gid`.
        public var user: String?
        /// Capabilities dropped.
        public var capDrop: [String]?
        /// Security options.
        public var securityOpt: [String]?
        /// Time between SIGTERM and SIGKILL.
        public var stopGracePeriod: String?
        /// Resource limits and reservations.
        public var deploy: Deploy?
        /// Networks joined.
        public var networks: [String]
        /// Volume mounts `name:path`.
        public var volumes: [String]?

        enum CodingKeys: String, CodingKey {
            case build, image, command, environment, secrets, configs, ports, healthcheck
            case dependsOn = "depends_on"
            case restart
            case readOnly = "read_only"
            case tmpfs, user
            case capDrop = "cap_drop"
            case securityOpt = "security_opt"
            case stopGracePeriod = "stop_grace_period"
            case deploy, networks, volumes
        }
    }

    /// `build`.
    public struct Build: Encodable, Sendable, Hashable {
        /// Context folder, relative to the compose file.
        public var context: String
        /// Dockerfile, relative to the context.
        public var dockerfile: String
    }

    /// A mounted config.
    public struct ConfigMount: Encodable, Sendable, Hashable {
        /// Config name.
        public var source: String
        /// Path in the container.
        public var target: String
    }

    /// A published port, long syntax.
    public struct Port: Encodable, Sendable, Hashable {
        /// Container port.
        public var target: Int
        /// Host port.
        public var published: String
        /// Host address.
        public var hostIP: String
        /// `tcp`.
        public var `protocol` = "tcp"

        enum CodingKeys: String, CodingKey {
            case target, published
            case hostIP = "host_ip"
            case `protocol`
        }
    }

    /// `healthcheck`.
    public struct Healthcheck: Encodable, Sendable, Hashable {
        /// `["CMD", …]`.
        public var test: [String]
        /// Interval.
        public var interval: String
        /// Timeout.
        public var timeout: String
        /// Failures before unhealthy.
        public var retries: Int
        /// Grace period at start.
        public var startPeriod: String

        enum CodingKeys: String, CodingKey {
            case test, interval, timeout, retries
            case startPeriod = "start_period"
        }
    }

    /// A `depends_on` entry.
    public struct Dependency: Encodable, Sendable, Hashable {
        /// `service_healthy` or `service_started`.
        public var condition: String
    }

    /// `deploy`.
    public struct Deploy: Encodable, Sendable, Hashable {
        /// Resources.
        public var resources: Resources
    }

    /// `deploy.resources`.
    public struct Resources: Encodable, Sendable, Hashable {
        /// Maximum.
        public var limits: Amounts
        /// Reserved.
        public var reservations: Amounts
    }

    /// CPU and memory amounts.
    public struct Amounts: Encodable, Sendable, Hashable {
        /// CPUs, e.g. `"0.5"`.
        public var cpus: String
        /// Memory, e.g. `256M`.
        public var memory: String
    }

    /// A network.
    public struct Network: Encodable, Sendable, Hashable {
        /// No route to the outside.
        public var `internal`: Bool?
    }

    /// A named volume.
    public struct Volume: Encodable, Sendable, Hashable {}

    /// A secret or config backed by a file.
    public struct FileSource: Encodable, Sendable, Hashable {
        /// Path relative to the compose file.
        public var file: String
    }
}
