extension K8s {
    /// `PodSpec`.
    public struct PodSpec: Encodable, Sendable, Hashable {
        /// ServiceAccount the pod runs as.
        public var serviceAccountName: String?
        /// Whether the API token is mounted (off: services never call the Kubernetes API).
        public var automountServiceAccountToken: Bool?
        /// Seconds between SIGTERM and SIGKILL.
        public var terminationGracePeriodSeconds: Int?
        /// Pod-level security settings.
        public var securityContext: PodSecurityContext?
        /// How pods spread over zones and nodes.
        public var topologySpreadConstraints: [TopologySpreadConstraint]?
        /// Containers.
        public var containers: [Container]
        /// Volumes.
        public var volumes: [Volume]?
    }

    /// `PodSecurityContext`.
    public struct PodSecurityContext: Encodable, Sendable, Hashable {
        /// Refuse to start as root.
        public var runAsNonRoot: Bool
        /// UID, the same as the image's `USER`.
        public var runAsUser: Int
        /// GID, the same as the image's `USER`.
        public var runAsGroup: Int
        /// Group owning mounted volumes.
        public var fsGroup: Int
        /// Seccomp profile.
        public var seccompProfile: SeccompProfile
    }

    /// `SeccompProfile`.
    public struct SeccompProfile: Encodable, Sendable, Hashable {
        /// `RuntimeDefault`.
        public var type = "RuntimeDefault"
    }

    /// `TopologySpreadConstraint`.
    public struct TopologySpreadConstraint: Encodable, Sendable, Hashable {
        /// Largest allowed imbalance.
        public var maxSkew: Int
        /// Node label that defines a domain.
        public var topologyKey: String
        /// `ScheduleAnyway`: a preference, never a reason to leave a pod pending.
        public var whenUnsatisfiable: String
        /// Pods counted.
        public var labelSelector: LabelSelector
        /// Label keys whose values narrow the counted pods (the rollout's own pods).
        public var matchLabelKeys: [String]?
    }

    /// `Volume` (emptyDir, configMap or secret).
    public struct Volume: Encodable, Sendable, Hashable {
        /// Volume name.
        public var name: String
        /// Scratch space.
        public var emptyDir: EmptyDir?
        /// Files from a ConfigMap.
        public var configMap: ConfigMapVolume?
    }

    /// `EmptyDirVolumeSource`.
    public struct EmptyDir: Encodable, Sendable, Hashable {
        /// Most the volume may hold.
        public var sizeLimit: String
    }

    /// `ConfigMapVolumeSource`.
    public struct ConfigMapVolume: Encodable, Sendable, Hashable {
        /// ConfigMap name.
        public var name: String
        /// Keys mounted and their file names.
        public var items: [KeyToPath]?
    }

    /// `KeyToPath`.
    public struct KeyToPath: Encodable, Sendable, Hashable {
        /// Key.
        public var key: String
        /// File name.
        public var path: String
    }
}
