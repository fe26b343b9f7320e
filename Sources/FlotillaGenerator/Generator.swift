import FlotillaSpec

/// `flotilla generate`: a valid spec → typed artifacts → files, all in memory.
///
/// Pure and deterministic: the same spec, text and options give the same bytes (no clock, no
/// file system, no environment). Files are sorted by root and path.
public struct Generator: Sendable {
    /// The templates of the text artifacts.
    public let templates: TemplateSet

    /// Creates a generator.
    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Every artifact of `spec`.
    ///
    /// - Parameters:
    ///   - spec: A spec without errors (see ``SpecLoader``).
    ///   - specText: The spec file's text, copied into the Kubernetes base for the spec ConfigMap.
    ///   - options: What to generate and the paths around it.
    /// - Throws: ``GeneratorError`` when a rule cannot be satisfied (e.g. an unknown environment).
    public func generate(_ spec: SystemSpec, specText: String, options: GenerateOptions = .init()) throws
        -> [GeneratedFile]
    {
        let source = options.specPath
        let topology = Topology(spec)
        let composeEnvironment = try environment(named: options.composeEnvironment, in: spec)
        let templates = self.templates
        // The families are independent: they run side by side (compose is one large file, so it
        // would otherwise keep one core busy alone); each also maps its services on every core.
        var families: [@Sendable () throws -> [GeneratedFile]] = []
        if options.includes(.docker) {
            families.append {
                try DockerBuilder(spec: spec, templates: templates, manifestsPath: options.manifestsPath)
                    .files(source: source)
            }
        }
        if options.includes(.compose) {
            families.append {
                try ComposeBuilder(
                    spec: spec, topology: topology, environment: composeEnvironment,
                    contextPath: options.repositoryFromManifests, manifestsPath: options.manifestsPath,
                    specPath: options.specPath
                ).files(source: source)
            }
        }
        if options.includes(.k8s) {
            families.append {
                let builder = KubernetesBuilder(spec: spec, topology: topology)
                return try KubernetesLayout(builder: builder, specText: specText, source: source).files()
            }
        }
        if options.includes(.ci) {
            families.append {
                try WorkflowBuilder(spec: spec, manifestsPath: options.manifestsPath, specPath: options.specPath)
                    .files(source: source)
            }
        }
        if options.only.isEmpty {
            families.append {
                [
                    ReadmeBuilder(
                        spec: spec, templates: templates, manifestsPath: options.manifestsPath,
                        composeEnvironment: composeEnvironment.name.value
                    ).file(source: source)
                ]
            }
        }
        let files = try Parallel.map(families) { try $0() }.flatMap { $0 }
        return files.sorted { ($0.root.rawValue, $0.path) < ($1.root.rawValue, $1.path) }
    }

    /// Every Kubernetes object of one environment as multi-document YAML for
    /// `kubectl apply -f -`: generated ConfigMaps and development Secrets inline, every object
    /// namespaced, images tagged as that environment's overlay tags them.
    public func kubernetesStream(_ spec: SystemSpec, specText: String, environment: String?, source: String) throws
        -> String
    {
        let environment = try self.environment(named: environment, in: spec)
        let builder = KubernetesBuilder(spec: spec, topology: Topology(spec))
        let tag = OverlayBuilder(builder: builder, environment: environment, source: source).imageTag
        let objects = try builder.stream(environment: environment, specText: specText, imageTag: tag)
        return try YAMLText.file(source: source, documents: objects)
    }

    /// How each spec element became which objects and files (`--explain`).
    public func explain(_ spec: SystemSpec, options: GenerateOptions = .init()) throws -> String {
        let environment = try environment(named: options.composeEnvironment, in: spec)
        return Explanation(spec: spec, topology: Topology(spec), options: options, composeEnvironment: environment)
            .text()
    }

    private func environment(named name: String?, in spec: SystemSpec) throws -> EnvironmentSpec {
        if let name {
            guard let environment = spec.environment(named: name) else {
                throw GeneratorError(
                    "no environment '\(name)' in the spec",
                    hint: "choose one of: \(spec.environments.map(\.name.value).joined(separator: ", "))")
            }
            return environment
        }
        guard let first = spec.environments.first else {
            throw GeneratorError("the spec has no environments", hint: "add 'environments:' with at least 'dev'")
        }
        return first
    }
}
