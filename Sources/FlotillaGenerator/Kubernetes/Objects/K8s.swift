/// Namespace of the typed Kubernetes API objects the generator emits. Each type carries only the
/// fields Flotilla sets, named and nested exactly as in the Kubernetes API, so encoding one with
/// Yams gives a valid manifest. Optional fields left nil are omitted.
public enum K8s {}

/// A Kubernetes object: something with a kind and a name that can be one document of a manifest.
public protocol KubernetesObject: Encodable, Sendable {
    /// `apiVersion`.
    var apiVersion: String { get }
    /// `kind`.
    var kind: String { get }
    /// `metadata`.
    var metadata: K8s.ObjectMeta { get set }
}

extension KubernetesObject {
    /// `Kind/name`, as `kubectl` prints it.
    public var reference: String { "\(kind)/\(metadata.name)" }
}

extension K8s {
    /// `metadata`.
    public struct ObjectMeta: Encodable, Sendable, Hashable {
        /// Object name.
        public var name: String
        /// Namespace; nil in base manifests (kustomize sets it) and for cluster-scoped objects.
        public var namespace: String?
        /// Labels.
        public var labels: SortedMap<String>?
        /// Annotations.
        public var annotations: SortedMap<String>?

        /// Creates metadata.
        public init(
            name: String, namespace: String? = nil, labels: SortedMap<String>? = nil,
            annotations: SortedMap<String>? = nil
        ) {
            self.name = name
            self.namespace = namespace
            self.labels = labels
            self.annotations = annotations
        }
    }

    /// A number or a name (ports) or a number or a percentage (rolling update bounds).
    public enum IntOrString: Encodable, Sendable, Hashable {
        /// A number.
        case int(Int)
        /// A string, e.g. a named port or `25%`.
        case string(String)

        /// Encodes the bare number or string.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .int(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            }
        }
    }

    /// `matchLabels` selector.
    public struct LabelSelector: Encodable, Sendable, Hashable {
        /// Labels that must all match; an empty map selects everything.
        public var matchLabels: SortedMap<String>?
    }

    /// A reference to a key of a ConfigMap or Secret.
    public struct KeyReference: Encodable, Sendable, Hashable {
        /// Object name.
        public var name: String
        /// Key inside it.
        public var key: String
    }
}
