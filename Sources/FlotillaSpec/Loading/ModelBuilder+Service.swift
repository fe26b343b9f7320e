extension ModelBuilder {
    mutating func service(named name: Located<String>, from node: YAMLNode) -> ServiceSpec {
        let role = node["role"].string.flatMap(ServiceRole.init(rawValue:)) ?? .service
        let http = node["ports"]["http"].locatedInt
        let admin =
            node["ports"]["admin"].locatedInt
            ?? Located((http?.value ?? 8080) + 1000, at: http?.location ?? node.location)
        let calls = node["calls"].entries.map { entry in
            DependencySpec(service: entry.key, policy: callPolicy(entry.value))
        }
        return ServiceSpec(
            name: name,
            product: node["product"].string ?? Self.productName(for: name.value),
            role: role,
            ports: PortsSpec(http: http, admin: admin),
            replicas: node["replicas"].locatedInt,
            resources: partialResources(node["resources"]).map(ResourcesSpec.default.applying) ?? .default,
            autoscale: autoscale(node["autoscale"]),
            env: environmentVariables(node["env"]),
            secrets: node["secrets"].entries.compactMap { entry in
                guard let secret = entry.value["secret"].string, let key = entry.value["key"].string else { return nil }
                return SecretVariable(name: entry.key, secret: secret, key: key)
            },
            database: database(node["database"], service: name.value),
            health: health(node["health"]),
            drain: node["drain"].duration ?? .seconds(10),
            calls: calls,
            operations: node["operations"].items.compactMap(\.locatedString),
            publishes: node["publishes"].items.compactMap(\.locatedString),
            subscribes: node["subscribes"].items.compactMap(\.locatedString),
            routes: node["routes"].items.compactMap(route),
            sagas: node["sagas"].entries.map { entry in
                SagaSpec(name: entry.key, steps: entry.value["steps"].items.compactMap(sagaStep))
            },
            expose: expose(node["expose"]),
            location: name.location)
    }

    private func expose(_ node: YAMLNode) -> ExposeSpec? {
        guard node.isMapping, let host = node["host"].locatedString else { return nil }
        let gateway = node["gateway"]
        return ExposeSpec(
            host: host,
            kind: node["kind"].string.flatMap(ExposeSpec.Kind.init(rawValue:)) ?? .ingress,
            className: node["className"].locatedString,
            tls: node["tls"].locatedString,
            gateway: gateway["name"].locatedString.map { name in
                GatewayReference(
                    name: name, namespace: gateway["namespace"].string, sectionName: gateway["sectionName"].string)
            },
            location: node.location)
    }

    /// `users` → `Users`, `order-history` → `OrderHistory`: the conventional product name.
    static func productName(for service: String) -> String {
        service.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private func database(_ node: YAMLNode, service: String) -> DatabaseSpec? {
        switch node.string {
        case "owned": return DatabaseSpec(name: service, engine: nil)
        case "none": return nil
        default:
            guard node.isMapping else { return nil }
            return DatabaseSpec(
                name: node["name"].string ?? service,
                engine: node["engine"].string.flatMap(DatabaseEngine.init(rawValue:)))
        }
    }

    private func health(_ node: YAMLNode) -> HealthSpec {
        let base = HealthSpec.default
        return HealthSpec(
            liveness: node["liveness"].string ?? base.liveness,
            readiness: node["readiness"].string ?? base.readiness,
            period: node["period"].duration ?? base.period,
            timeout: node["timeout"].duration ?? base.timeout,
            failureThreshold: node["failureThreshold"].int ?? base.failureThreshold,
            startupTimeout: node["startupTimeout"].duration ?? base.startupTimeout)
    }

    private func route(_ node: YAMLNode) -> RouteSpec? {
        guard let prefix = node["prefix"].locatedString, let service = node["service"].locatedString else { return nil }
        let limit = node["rateLimit"]
        return RouteSpec(
            prefix: prefix,
            service: service,
            rewrite: node["rewrite"].string ?? prefix.value,
            auth: node["auth"].string.flatMap(RouteAuth.init(rawValue:)) ?? .required,
            rateLimit: limit["quota"].int.map { quota in
                RateLimitSpec(
                    quota: quota, window: limit["window"].duration ?? .seconds(60), burst: limit["burst"].int ?? 0,
                    key: limit["key"].string.flatMap(RateLimitKey.init(rawValue:)) ?? .client, location: limit.location)
            },
            location: node.location)
    }

    private func sagaStep(_ node: YAMLNode) -> SagaStepSpec? {
        func reference(_ child: YAMLNode) -> Located<OperationReference>? {
            child.string.flatMap(ScalarSyntax.operation).map { Located($0, at: child.location) }
        }
        guard let name = node["name"].locatedString, let action = reference(node["action"]) else { return nil }
        return SagaStepSpec(
            name: name, action: action, compensation: reference(node["compensation"]),
            timeout: node["timeout"].duration ?? .seconds(5), retry: retry(node["retry"]))
    }
}
