extension K8s {
    /// `networking.k8s.io/v1` Ingress.
    public struct Ingress: KubernetesObject, Hashable {
        /// `networking.k8s.io/v1`.
        public var apiVersion = "networking.k8s.io/v1"
        /// `Ingress`.
        public var kind = "Ingress"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `IngressSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// IngressClass; nil for the cluster's default.
            public var ingressClassName: String?
            /// TLS termination.
            public var tls: [TLS]?
            /// Host rules.
            public var rules: [Rule]
        }

        /// `IngressTLS`.
        public struct TLS: Encodable, Sendable, Hashable {
            /// Hosts the certificate covers.
            public var hosts: [String]
            /// Secret holding it.
            public var secretName: String
        }

        /// `IngressRule`.
        public struct Rule: Encodable, Sendable, Hashable {
            /// Host.
            public var host: String
            /// Paths.
            public var http: HTTP
        }

        /// `HTTPIngressRuleValue`.
        public struct HTTP: Encodable, Sendable, Hashable {
            /// Paths and their backends.
            public var paths: [Path]
        }

        /// `HTTPIngressPath`.
        public struct Path: Encodable, Sendable, Hashable {
            /// Path.
            public var path: String
            /// `Prefix`.
            public var pathType: String
            /// Backend.
            public var backend: Backend
        }

        /// `IngressBackend`.
        public struct Backend: Encodable, Sendable, Hashable {
            /// The Service.
            public var service: ServiceBackend
        }

        /// `IngressServiceBackend`.
        public struct ServiceBackend: Encodable, Sendable, Hashable {
            /// Service name.
            public var name: String
            /// Port by name.
            public var port: NamedPort
        }

        /// `ServiceBackendPort` by name.
        public struct NamedPort: Encodable, Sendable, Hashable {
            /// Port name.
            public var name: String
        }
    }

    /// `gateway.networking.k8s.io/v1` HTTPRoute.
    public struct HTTPRoute: KubernetesObject, Hashable {
        /// `gateway.networking.k8s.io/v1`.
        public var apiVersion = "gateway.networking.k8s.io/v1"
        /// `HTTPRoute`.
        public var kind = "HTTPRoute"
        /// Metadata.
        public var metadata: ObjectMeta
        /// Spec.
        public var spec: Spec

        /// `HTTPRouteSpec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// Gateways attached to.
            public var parentRefs: [ParentReference]
            /// Hosts matched.
            public var hostnames: [String]
            /// Rules.
            public var rules: [Rule]
        }

        /// `ParentReference`.
        public struct ParentReference: Encodable, Sendable, Hashable {
            /// Gateway name.
            public var name: String
            /// Gateway namespace.
            public var namespace: String?
            /// Listener.
            public var sectionName: String?
        }

        /// `HTTPRouteRule`.
        public struct Rule: Encodable, Sendable, Hashable {
            /// Matches.
            public var matches: [Match]
            /// Backends.
            public var backendRefs: [BackendReference]
        }

        /// `HTTPRouteMatch` on a path.
        public struct Match: Encodable, Sendable, Hashable {
            /// Path match.
            public var path: PathMatch
        }

        /// `HTTPPathMatch`.
        public struct PathMatch: Encodable, Sendable, Hashable {
            /// `PathPrefix`.
            public var type: String
            /// Path.
            public var value: String
        }

        /// `HTTPBackendRef` to a Service port.
        public struct BackendReference: Encodable, Sendable, Hashable {
            /// Service name.
            public var name: String
            /// Port number (HTTPRoute needs the number, not the name).
            public var port: Int
        }
    }
}
