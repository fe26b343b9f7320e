/// Semantic rules over a loaded model: what the schema alone cannot say (references, cycles,
/// conflicts between fields). Each rule lives in its own file as an extension of this type.
struct SpecValidator {
    let spec: SystemSpec
    var diagnostics = DiagnosticBag()
    /// Services by name, so references resolve in constant time even in specs of thousands of services.
    let servicesByName: [String: ServiceSpec]
    let serviceNames: [String]

    init(spec: SystemSpec) {
        self.spec = spec
        self.servicesByName = Dictionary(spec.services.map { ($0.name.value, $0) }) { first, _ in first }
        self.serviceNames = spec.services.map(\.name.value)
    }

    /// Runs every rule and returns what they found.
    static func validate(_ spec: SystemSpec) -> [Diagnostic] {
        var validator = SpecValidator(spec: spec)
        validator.checkSystem()
        validator.checkPorts()
        validator.checkCalls()
        validator.checkCycles()
        validator.checkEvents()
        validator.checkRoutes()
        validator.checkExposure()
        validator.checkSagas()
        validator.checkScaling()
        validator.checkResources()
        validator.checkEnvironmentVariables()
        validator.checkPolicies()
        validator.checkEnvironments()
        return validator.diagnostics.items
    }

    /// Longest service name: generated object names append up to 13 characters (`-headless`, `-db`…)
    /// and must stay within the 63 characters of a DNS-1123 label.
    static let maxServiceNameLength = 50

    /// The service a reference names, or an error with a suggestion when there is none.
    mutating func resolve(_ reference: Located<String>, what: String) -> ServiceSpec? {
        if let service = servicesByName[reference.value] { return service }
        diagnostics.error(
            "\(what) unknown service '\(reference.value)'\(Suggestion.didYouMean(reference.value, among: serviceNames))",
            at: reference.location, hint: "services in this spec: \(serviceNames.joined(separator: ", "))")
        return nil
    }

    private mutating func checkSystem() {
        if spec.services.isEmpty, spec.name.value.isEmpty == false {
            diagnostics.error(
                "the spec declares no services", at: spec.name.location, hint: "add a 'services:' mapping")
        }
        if spec.image.tag.value == .latest {
            diagnostics.warning(
                "image tag policy 'latest' makes deployments unreproducible", at: spec.image.tag.location,
                hint: "use 'git-sha' so every rollout names an immutable image")
        }
        for service in spec.services where service.name.value.count > Self.maxServiceNameLength {
            diagnostics.error(
                "service name '\(service.name.value)' is longer than \(Self.maxServiceNameLength) characters",
                at: service.name.location,
                hint: "generated names such as '\(service.name.value)-headless' must fit in 63")
        }
        let gateways = spec.services.filter { $0.role == .gateway }
        for extra in gateways.dropFirst() {
            diagnostics.error(
                "service '\(extra.name.value)' is a second gateway; '\(gateways[0].name.value)' already is one",
                at: extra.location, hint: "one gateway routes every public path; give the others role 'service'")
        }
    }
}
