extension K8s {
    /// `kustomize.config.k8s.io/v1beta1` Kustomization.
    public struct Kustomization: Encodable, Sendable, Hashable {
        /// `kustomize.config.k8s.io/v1beta1`.
        public var apiVersion = "kustomize.config.k8s.io/v1beta1"
        /// `Kustomization`.
        public var kind = "Kustomization"
        /// Namespace of every object.
        public var namespace: String?
        /// Labels added to every object (not selectors, which stay stable).
        public var labels: [LabelTransform]?
        /// Files and folders included.
        public var resources: [String]
        /// ConfigMaps built from literals and files (hash-suffixed, so a change rolls the pods).
        public var configMapGenerator: [Generator]?
        /// Secrets built from literals (development only).
        public var secretGenerator: [Generator]?
        /// Replica counts by Deployment.
        public var replicas: [Replicas]?
        /// Image tags by image name.
        public var images: [Image]?
        /// Patch files.
        public var patches: [Patch]?
    }

    /// A `labels` entry.
    public struct LabelTransform: Encodable, Sendable, Hashable {
        /// Labels.
        public var pairs: SortedMap<String>
        /// Whether selectors get them too (never: selectors are immutable).
        public var includeSelectors = false
    }

    /// A ConfigMap or Secret generator.
    public struct Generator: Encodable, Sendable, Hashable {
        /// Object name (kustomize appends a content hash).
        public var name: String
        /// `create` (default) or `merge` into the base's generator.
        public var behavior: String?
        /// `KEY=value` entries.
        public var literals: [String]?
        /// `key=path` or `path` entries.
        public var files: [String]?
        /// Generator options.
        public var options: GeneratorOptions?
    }

    /// Generator `options`.
    public struct GeneratorOptions: Encodable, Sendable, Hashable {
        /// Keep the plain name: references from the base are not rewritten to a hashed name
        /// generated in an overlay, so overlay-generated Secrets must keep their names.
        public var disableNameSuffixHash: Bool
    }

    /// A `replicas` entry.
    public struct Replicas: Encodable, Sendable, Hashable {
        /// Deployment name.
        public var name: String
        /// Count.
        public var count: Int
    }

    /// An `images` entry.
    public struct Image: Encodable, Sendable, Hashable {
        /// Image name as written in the manifests.
        public var name: String
        /// Tag set.
        public var newTag: String
    }

    /// A `patches` entry.
    public struct Patch: Encodable, Sendable, Hashable {
        /// Patch file.
        public var path: String
        /// Target for JSON 6902 patches.
        public var target: PatchTarget?
    }

    /// A patch target.
    public struct PatchTarget: Encodable, Sendable, Hashable {
        /// Kind.
        public var kind: String
        /// Name.
        public var name: String
    }

    /// One JSON 6902 operation.
    public struct JSONPatchOperation: Encodable, Sendable, Hashable {
        /// `remove`.
        public var op: String
        /// JSON pointer.
        public var path: String
    }
}
