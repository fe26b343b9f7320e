/// How the gateway is reached from outside the cluster: an Ingress or a Gateway API HTTPRoute
/// for one host (gateway role only).
public struct ExposeSpec: Sendable, Hashable {
    /// The Kubernetes object that exposes the gateway.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `networking.k8s.io/v1` Ingress, served by the cluster's ingress controller.
        case ingress
        /// `gateway.networking.k8s.io/v1` HTTPRoute, attached to a Gateway.
        case httproute
    }

    /// The public host name, e.g. `shop.example.com` (a leading `*.` matches subdomains).
    public var host: Located<String>
    /// Ingress or HTTPRoute.
    public var kind: Kind
    /// Ingress only: the IngressClass; nil uses the cluster's default class.
    public var className: Located<String>?
    /// Ingress only: the Secret (type `kubernetes.io/tls`) holding the host's certificate.
    public var tls: Located<String>?
    /// HTTPRoute only: the Gateway the route attaches to.
    public var gateway: GatewayReference?
    /// Where `expose` is written.
    public var location: SourceLocation
}

/// The Gateway an HTTPRoute attaches to (its `parentRefs` entry).
public struct GatewayReference: Sendable, Hashable {
    /// Name of the Gateway.
    public var name: Located<String>
    /// Its namespace; nil means the system's own.
    public var namespace: String?
    /// The listener (`sectionName`); nil attaches to every listener that admits the route.
    public var sectionName: String?
}
