extension K8s {
    /// `networking.k8s.io/v1` NetworkPolicy.
    public struct NetworkPolicy: KubernetesObject, Hashable {
        /// `networking.k8s.io/v1`.
        public var apiVersion = "networking.k8s.io/v1"
        /// `NetworkPolicy`.
        public var kind = "NetworkPolicy"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `NetworkPolicySpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Pods the policy applies to; empty selects every pod of the namespace.
            public var podSelector: LabelSelector
            /// `Ingress`, `Egress`.
            public var policyTypes: [String]
            /// Allowed incoming traffic; empty denies all.
            public var ingress: [IngressRule]?
            /// Allowed outgoing traffic; empty denies all.
            public var egress: [EgressRule]?
        }

        /// `NetworkPolicyIngressRule`.
        public struct IngressRule: Encodable, Sendable, Hashable {
            /// Sources; nil allows any source.
            public var from: [Peer]?
            /// Ports.
            public var ports: [Port]
        }

        /// `NetworkPolicyEgressRule`.
        public struct EgressRule: Encodable, Sendable, Hashable {
            /// Destinations; nil allows any destination.
            public var to: [Peer]?
            /// Ports.
            public var ports: [Port]
        }

        /// `NetworkPolicyPeer`.
        public struct Peer: Encodable, Sendable, Hashable {
            /// Namespaces; with a pod selector, pods in those namespaces.
            public var namespaceSelector: LabelSelector?
            /// Pods (in the policy's namespace unless a namespace selector is given).
            public var podSelector: LabelSelector?
        }

        /// `NetworkPolicyPort`.
        public struct Port: Encodable, Sendable, Hashable {
            /// `TCP` or `UDP`.
            public var `protocol`: String
            /// Number or named port.
            public var port: IntOrString
        }
    }
}
