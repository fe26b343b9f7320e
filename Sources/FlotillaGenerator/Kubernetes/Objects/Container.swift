extension K8s {
    /// `Container`.
    public struct Container: Encodable, Sendable, Hashable {
        /// Container name.
        public var name: String
        /// Image reference.
        public var image: String
        /// Pull policy.
        public var imagePullPolicy: String?
        /// Command-line arguments.
        public var args: [String]?
        /// Named ports.
        public var ports: [ContainerPort]?
        /// Variables from whole ConfigMaps.
        public var envFrom: [EnvFromSource]?
        /// Single variables.
        public var env: [EnvVar]?
        /// Requests and limits.
        public var resources: ResourceRequirements?
        /// Start-up probe.
        public var startupProbe: Probe?
        /// Liveness probe.
        public var livenessProbe: Probe?
        /// Readiness probe.
        public var readinessProbe: Probe?
        /// Hooks.
        public var lifecycle: Lifecycle?
        /// Container security settings.
        public var securityContext: SecurityContext?
        /// Mounts.
        public var volumeMounts: [VolumeMount]?
    }

    /// `ContainerPort`.
    public struct ContainerPort: Encodable, Sendable, Hashable {
        /// Port name (`http`, `admin`, `postgres`).
        public var name: String
        /// Port number.
        public var containerPort: Int
        /// `TCP`.
        public var `protocol` = "TCP"
    }

    /// `EnvFromSource` from a ConfigMap.
    public struct EnvFromSource: Encodable, Sendable, Hashable {
        /// The ConfigMap.
        public var configMapRef: NameReference
    }

    /// A reference by name.
    public struct NameReference: Encodable, Sendable, Hashable {
        /// Name.
        public var name: String
    }

    /// `EnvVar`: a literal value or a Secret key.
    public struct EnvVar: Encodable, Sendable, Hashable {
        /// Variable name.
        public var name: String
        /// Literal value.
        public var value: String?
        /// Where the value comes from.
        public var valueFrom: EnvVarSource?
    }

    /// `EnvVarSource` from a Secret.
    public struct EnvVarSource: Encodable, Sendable, Hashable {
        /// Secret key.
        public var secretKeyRef: KeyReference
    }

    /// `ResourceRequirements`.
    public struct ResourceRequirements: Encodable, Sendable, Hashable {
        /// Reserved.
        public var requests: SortedMap<String>
        /// Maximum.
        public var limits: SortedMap<String>
    }

    /// `Probe` with an HTTP GET or an exec action.
    public struct Probe: Encodable, Sendable, Hashable {
        /// HTTP GET.
        public var httpGet: HTTPGetAction?
        /// Command.
        public var exec: ExecAction?
        /// Delay before the first probe.
        public var initialDelaySeconds: Int?
        /// Interval.
        public var periodSeconds: Int
        /// Timeout.
        public var timeoutSeconds: Int
        /// Successes to count as passing.
        public var successThreshold: Int?
        /// Failures to count as failed.
        public var failureThreshold: Int
    }

    /// `HTTPGetAction`.
    public struct HTTPGetAction: Encodable, Sendable, Hashable {
        /// Path.
        public var path: String
        /// Port name or number.
        public var port: IntOrString
    }

    /// `ExecAction`.
    public struct ExecAction: Encodable, Sendable, Hashable {
        /// Command and arguments.
        public var command: [String]
    }

    /// `Lifecycle` with a preStop sleep.
    public struct Lifecycle: Encodable, Sendable, Hashable {
        /// Before SIGTERM.
        public var preStop: LifecycleHandler
    }

    /// `LifecycleHandler` using the built-in sleep action (no shell needed in the image).
    public struct LifecycleHandler: Encodable, Sendable, Hashable {
        /// Sleep.
        public var sleep: SleepAction
    }

    /// `SleepAction`.
    public struct SleepAction: Encodable, Sendable, Hashable {
        /// Seconds.
        public var seconds: Int
    }

    /// Container `SecurityContext`.
    public struct SecurityContext: Encodable, Sendable, Hashable {
        /// No setuid escalation.
        public var allowPrivilegeEscalation = false
        /// Immutable root filesystem.
        public var readOnlyRootFilesystem = true
        /// Refuse root.
        public var runAsNonRoot = true
        /// UID.
        public var runAsUser: Int
        /// GID.
        public var runAsGroup: Int
        /// Capabilities.
        public var capabilities = Capabilities()
    }

    /// `Capabilities`: all dropped.
    public struct Capabilities: Encodable, Sendable, Hashable {
        /// `[ALL]`.
        public var drop = ["ALL"]
    }

    /// `VolumeMount`.
    public struct VolumeMount: Encodable, Sendable, Hashable {
        /// Volume name.
        public var name: String
        /// Where.
        public var mountPath: String
        /// Read-only.
        public var readOnly: Bool?
        /// A single file or folder of the volume.
        public var subPath: String?
    }
}
