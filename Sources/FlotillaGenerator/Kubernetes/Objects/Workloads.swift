extension K8s {
    /// `apps/v1` Deployment.
    public struct Deployment: KubernetesObject, Hashable {
        /// `apps/v1`.
        public var apiVersion = "apps/v1"
        /// `Deployment`.
        public var kind = "Deployment"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `DeploymentSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Fixed replica count; nil when an HPA owns it.
            public var replicas: Int?
            /// Old ReplicaSets kept for rollback.
            public var revisionHistoryLimit: Int
            /// Pods managed.
            public var selector: LabelSelector
            /// Rollout strategy.
            public var strategy: Strategy
            /// The pod template.
            public var template: PodTemplate
        }

        /// `DeploymentStrategy`.
        public struct Strategy: Encodable, Sendable, Hashable {
            /// `RollingUpdate`.
            public var type = "RollingUpdate"
            /// Bounds.
            public var rollingUpdate: RollingUpdate
        }

        /// `RollingUpdateDeployment`.
        public struct RollingUpdate: Encodable, Sendable, Hashable {
            /// Extra pods during a rollout.
            public var maxSurge: IntOrString
            /// Pods that may be missing during a rollout.
            public var maxUnavailable: IntOrString
        }
    }

    /// `apps/v1` StatefulSet (dev PostgreSQL).
    public struct StatefulSet: KubernetesObject, Hashable {
        /// `apps/v1`.
        public var apiVersion = "apps/v1"
        /// `StatefulSet`.
        public var kind = "StatefulSet"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `StatefulSetSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Replica count.
            public var replicas: Int
            /// Governing headless Service.
            public var serviceName: String
            /// Pods managed.
            public var selector: LabelSelector
            /// The pod template.
            public var template: PodTemplate
            /// Persistent volume claims, one set per pod.
            public var volumeClaimTemplates: [PersistentVolumeClaim]
        }
    }

    /// A PersistentVolumeClaim template.
    public struct PersistentVolumeClaim: Encodable, Sendable, Hashable {
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `PersistentVolumeClaimSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Access modes.
            public var accessModes: [String]
            /// Requested storage.
            public var resources: Requests
        }

        /// `VolumeResourceRequirements`.
        public struct Requests: Encodable, Sendable, Hashable {
            /// `storage: 1Gi`.
            public var requests: SortedMap<String>
        }
    }

    /// `PodTemplateSpec`.
    public struct PodTemplate: Encodable, Sendable, Hashable {
        /// Pod labels and annotations.
        public var metadata: ObjectMeta
        /// Pod spec.
        public var spec: PodSpec
    }
}

extension K8s.ObjectMeta {
    /// Pod template metadata has no name.
    enum CodingKeys: String, CodingKey {
        case name, namespace, labels, annotations
    }

    /// Encodes every field, leaving out an empty name (pod templates and claim templates).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !name.isEmpty { try container.encode(name, forKey: .name) }
        try container.encodeIfPresent(namespace, forKey: .namespace)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encodeIfPresent(annotations, forKey: .annotations)
    }
}
