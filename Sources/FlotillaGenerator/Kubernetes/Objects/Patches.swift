extension K8s {
    /// A strategic-merge patch of one container of a Deployment: resources and removed variables.
    public struct DeploymentPatch: KubernetesObject, Hashable {
        /// `apps/v1`.
        public var apiVersion = "apps/v1"
        /// `Deployment`.
        public var kind = "Deployment"
        /// The Deployment patched.
        public var metadata: ObjectMeta
        /// The changed part.
        public var spec: Spec

        /// Creates a patch of container `container` of Deployment `name`.
        public init(name: String, container: ContainerPatch) {
            self.metadata = ObjectMeta(name: name)
            self.spec = Spec(template: Template(spec: PodPart(containers: [container])))
        }

        /// `spec`.
        public struct Spec: Encodable, Sendable, Hashable {
            /// `template`.
            public var template: Template
        }

        /// `spec.template`.
        public struct Template: Encodable, Sendable, Hashable {
            /// `spec.template.spec`.
            public var spec: PodPart
        }

        /// `spec.template.spec`.
        public struct PodPart: Encodable, Sendable, Hashable {
            /// Containers, merged by name.
            public var containers: [ContainerPatch]
        }
    }

    /// The changed fields of one container.
    public struct ContainerPatch: Encodable, Sendable, Hashable {
        /// Container name (the merge key).
        public var name: String
        /// New requests and limits.
        public var resources: ResourceRequirements?
        /// Variables to remove, merged by name.
        public var env: [EnvVarDeletion]?
    }

    /// `{name: X, $patch: delete}` inside a list merged by name.
    public struct EnvVarDeletion: Encodable, Sendable, Hashable {
        /// Variable removed.
        public var name: String

        enum CodingKeys: String, CodingKey {
            case name
            case patch = "$patch"
        }

        /// Encodes the name and `$patch: delete`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode("delete", forKey: .patch)
        }
    }
}
