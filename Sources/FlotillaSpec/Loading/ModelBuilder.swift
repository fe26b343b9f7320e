/// Builds the typed model from a YAML tree, filling in defaults. It trusts nothing: a value of the
/// wrong shape is skipped (the structural check has already reported it), so a model comes out of
/// every document and the semantic rules can still report the rest.
struct ModelBuilder {
    var diagnostics = DiagnosticBag()

    mutating func system(from root: YAMLNode) -> SystemSpec {
        let name = root["name"].locatedString ?? Located("", at: root.location)
        let services = root["services"].entries.map { service(named: $0.key, from: $0.value) }
        let environments = root["environments"].entries.map { environment(named: $0.key, from: $0.value) }
        return SystemSpec(
            version: root["version"].int ?? 1,
            name: name,
            namespace: root["namespace"].locatedString ?? name,
            image: ImageSpec(
                registry: root["image"]["registry"].string,
                tag: root["image"]["tag"].locatedString.flatMap { text in
                    ImageTagPolicy(rawValue: text.value).map { Located($0, at: text.location) }
                } ?? Located(.gitSHA, at: root["image"].location)),
            swiftVersion: root["swift"].string ?? "6.1",
            tracing: TracingSpec(
                enabled: root["tracing"]["enabled"].bool ?? false, endpoint: root["tracing"]["endpoint"].string),
            environments: root["environments"].isPresent
                ? environments : EnvironmentSpec.defaults(at: root.location),
            services: services)
    }

    private mutating func environment(named name: Located<String>, from node: YAMLNode) -> EnvironmentSpec {
        EnvironmentSpec(
            name: name,
            database: node["database"].string.flatMap(DatabaseEngine.init(rawValue:)) ?? .postgres,
            replicas: node["replicas"].locatedInt,
            overrides: node["services"].entries.map { entry in
                ServiceOverride(
                    service: entry.key,
                    replicas: entry.value["replicas"].locatedInt,
                    autoscale: autoscale(entry.value["autoscale"]),
                    resources: partialResources(entry.value["resources"]),
                    env: environmentVariables(entry.value["env"]))
            })
    }

    func environmentVariables(_ node: YAMLNode) -> [EnvironmentVariable] {
        node.entries.compactMap { entry in
            entry.value.string.map { EnvironmentVariable(name: entry.key, value: $0) }
        }
    }

    func autoscale(_ node: YAMLNode) -> AutoscaleSpec? {
        guard node.isPresent, let min = node["min"].locatedInt, let max = node["max"].locatedInt else { return nil }
        let memory = node["memory"].int
        return AutoscaleSpec(
            min: min, max: max, cpuTarget: node["cpu"].int ?? (memory == nil ? 70 : nil), memoryTarget: memory,
            location: node.location)
    }

    func partialResources(_ node: YAMLNode) -> PartialResources? {
        guard node.isPresent else { return nil }
        return PartialResources(
            requestsCPU: node["requests"]["cpu"].string.flatMap(CPUQuantity.init(parsing:)),
            requestsMemory: node["requests"]["memory"].string.flatMap(MemoryQuantity.init(parsing:)),
            limitsCPU: node["limits"]["cpu"].string.flatMap(CPUQuantity.init(parsing:)),
            limitsMemory: node["limits"]["memory"].string.flatMap(MemoryQuantity.init(parsing:)),
            location: node.location)
    }
}
