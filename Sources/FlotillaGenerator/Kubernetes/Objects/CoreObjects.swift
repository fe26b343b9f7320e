extension K8s {
    /// `v1` Namespace.
    public struct Namespace: KubernetesObject, Hashable {
        /// `v1`.
        public var apiVersion = "v1"
        /// `Namespace`.
        public var kind = "Namespace"
        /// Metadata.
        public var metadata: ObjectMeta
    }

    /// `v1` ServiceAccount.
    public struct ServiceAccount: KubernetesObject, Hashable {
        /// `v1`.
        public var apiVersion = "v1"
        /// `ServiceAccount`.
        public var kind = "ServiceAccount"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Whether pods get an API token by default.
        public var automountServiceAccountToken = false
    }

    /// `v1` ConfigMap.
    public struct ConfigMap: KubernetesObject, Hashable {
        /// `v1`.
        public var apiVersion = "v1"
        /// `ConfigMap`.
        public var kind = "ConfigMap"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Data.
        public var data: SortedMap<String>
    }

    /// `v1` Secret with string data (only for `--stdout` of development environments).
    public struct Secret: KubernetesObject, Hashable {
        /// `v1`.
        public var apiVersion = "v1"
        /// `Secret`.
        public var kind = "Secret"
        /// Metadata.
        public var metadata: ObjectMeta
        /// `Opaque`.
        public var type = "Opaque"
        /// Data as text.
        public var stringData: SortedMap<String>
    }

    /// A resource deleted by an overlay: `$patch: delete` strategic-merge patch.
    public struct DeletePatch: KubernetesObject, Hashable {
        /// API version of the deleted object.
        public var apiVersion: String
        /// Kind of the deleted object.
        public var kind: String
        /// Its name.
        public var metadata: ObjectMeta

        enum CodingKeys: String, CodingKey {
            case patch = "$patch"
            case apiVersion, kind, metadata
        }

        /// Encodes `$patch: delete` first.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("delete", forKey: .patch)
            try container.encode(apiVersion, forKey: .apiVersion)
            try container.encode(kind, forKey: .kind)
            try container.encode(metadata, forKey: .metadata)
        }
    }
}
