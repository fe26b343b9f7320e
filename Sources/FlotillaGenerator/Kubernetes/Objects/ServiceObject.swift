extension K8s {
    /// `v1` Service: ClusterIP for callers, headless (`clusterIP: None`) for discovery.
    public struct Service: KubernetesObject, Hashable {
        /// `v1`.
        public var apiVersion = "v1"
        /// `Service`.
        public var kind = "Service"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `ServiceSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// `ClusterIP`.
            public var type = "ClusterIP"
            /// `None` for a headless Service.
            public var clusterIP: String?
            /// Pods behind it.
            public var selector: SortedMap<String>
            /// Ports.
            public var ports: [ServicePort]
        }
    }

    /// `ServicePort`.
    public struct ServicePort: Encodable, Sendable, Hashable {
        /// Name.
        public var name: String
        /// Service port.
        public var port: Int
        /// Container port name.
        public var targetPort: IntOrString
        /// `TCP`.
        public var `protocol` = "TCP"
    }

    /// `autoscaling/v2` HorizontalPodAutoscaler.
    public struct HorizontalPodAutoscaler: KubernetesObject, Hashable {
        /// `autoscaling/v2`.
        public var apiVersion = "autoscaling/v2"
        /// `HorizontalPodAutoscaler`.
        public var kind = "HorizontalPodAutoscaler"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `HorizontalPodAutoscalerSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// The Deployment scaled.
            public var scaleTargetRef: CrossVersionObjectReference
            /// Fewest replicas.
            public var minReplicas: Int
            /// Most replicas.
            public var maxReplicas: Int
            /// Utilisation targets.
            public var metrics: [Metric]
        }

        /// `CrossVersionObjectReference`.
        public struct CrossVersionObjectReference: Encodable, Sendable, Hashable {
            /// `apps/v1`.
            public var apiVersion = "apps/v1"
            /// `Deployment`.
            public var kind = "Deployment"
            /// Name.
            public var name: String
        }

        /// `MetricSpec` of type Resource.
        public struct Metric: Encodable, Sendable, Hashable {
            /// `Resource`.
            public var type = "Resource"
            /// The resource and its target.
            public var resource: ResourceMetric
        }

        /// `ResourceMetricSource`.
        public struct ResourceMetric: Encodable, Sendable, Hashable {
            /// `cpu` or `memory`.
            public var name: String
            /// Target.
            public var target: Target
        }

        /// `MetricTarget` of type Utilization.
        public struct Target: Encodable, Sendable, Hashable {
            /// `Utilization`.
            public var type = "Utilization"
            /// Percent of requests.
            public var averageUtilization: Int
        }
    }

    /// `policy/v1` PodDisruptionBudget.
    public struct PodDisruptionBudget: KubernetesObject, Hashable {
        /// `policy/v1`.
        public var apiVersion = "policy/v1"
        /// `PodDisruptionBudget`.
        public var kind = "PodDisruptionBudget"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `PodDisruptionBudgetSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Pods that may be evicted at once.
            public var maxUnavailable: IntOrString
            /// Pods covered.
            public var selector: LabelSelector
        }
    }
}
