extension SpecSchema {
    static let service = Schema(
        .object([
            Property(
                "product", Schema(.scalar(.string), "SwiftPM executable product that builds the service."),
                default: "the name in UpperCamelCase"),
            Property(
                "role",
                Schema(
                    .scalar(.oneOf(ServiceRole.allCases.map(\.rawValue))),
                    "gateway routes public traffic; worker has no HTTP API."),
                default: "service"),
            Property("ports", ports),
            Property(
                "replicas", Schema(.scalar(.integer(0...1000)), "Pod count when autoscaling is off."), default: "1"),
            Property("resources", resources),
            Property("autoscale", autoscale),
            Property("env", environmentVariables),
            Property(
                "secrets",
                Schema(
                    .dictionary(key: .environmentVariable, value: secretReference, entryNoun: "secret"),
                    "Environment variables read from Secrets.")),
            Property("database", database),
            Property("health", health),
            Property(
                "drain", Schema(.scalar(.duration), "How long in-flight requests may take to finish at shutdown."),
                default: "10s"),
            Property(
                "calls",
                Schema(
                    .dictionary(key: .name, value: dependency, entryNoun: "call"),
                    "Services this one calls synchronously, with resilience policies.")),
            Property(
                "operations",
                Schema(
                    .list(Schema(.scalar(.name)), itemNoun: "operation"), "Operations other services' sagas may invoke."
                )),
            Property(
                "publishes",
                Schema(
                    .list(Schema(.scalar(.event)), itemNoun: "event"),
                    "Events this service publishes through its outbox.")),
            Property(
                "subscribes", Schema(.list(Schema(.scalar(.event)), itemNoun: "event"), "Events this service consumes.")
            ),
            Property("routes", Schema(.list(route, itemNoun: "route"), "Gateway routes, matched by longest prefix.")),
            Property(
                "sagas",
                Schema(.dictionary(key: .name, value: saga, entryNoun: "saga"), "Sagas this service orchestrates.")),
            Property("expose", expose),
        ]),
        "One service: one executable, its own database, its own ports.")

    static let ports = Schema(
        .object([
            Property("http", Schema(.scalar(.integer(1...65535)), "Public API port; required unless role is worker.")),
            Property(
                "admin", Schema(.scalar(.integer(1...65535)), "Admin port: health, metrics, /_flotilla."),
                default: "http + 1000"),
        ]),
        "Listening ports.")

    static let resourceAmounts = Schema(
        .object([
            Property("cpu", Schema(.scalar(.cpu), "CPU quantity, e.g. 250m.")),
            Property("memory", Schema(.scalar(.memory), "Memory quantity, e.g. 128Mi.")),
        ]))

    static let resources = Schema(
        .object([
            Property("requests", resourceAmounts, default: "cpu 100m, memory 64Mi"),
            Property("limits", resourceAmounts, default: "cpu 500m, memory 256Mi"),
        ]),
        "CPU and memory requests and limits.")

    static let autoscale = Schema(
        .object([
            Property("min", Schema(.scalar(.integer(1...1000)), "Fewest replicas."), required: true),
            Property("max", Schema(.scalar(.integer(1...1000)), "Most replicas."), required: true),
            Property(
                "cpu", Schema(.scalar(.integer(1...100)), "Target CPU utilisation, percent of requests."),
                default: "70 when memory is not set"),
            Property("memory", Schema(.scalar(.integer(1...100)), "Target memory utilisation, percent of requests.")),
        ]),
        "Horizontal autoscaling (autoscaling/v2 HPA); off when absent.")

    static let environmentVariables = Schema(
        .dictionary(
            key: .environmentVariable, value: Schema(.scalar(.string), "Plain, non-secret value."),
            entryNoun: "variable"),
        "Plain environment variables.")

    static let secretReference = Schema(
        .object([
            Property("secret", Schema(.scalar(.name), "Name of the Kubernetes Secret."), required: true),
            Property("key", Schema(.scalar(.string), "Key inside the Secret."), required: true),
        ]),
        "A reference to a key of a Secret; literal values are refused.",
        misuseHint:
            "secrets hold references, never values: NAME: { secret: <secret-name>, key: <key> }, so the spec can be committed"
    )

    static let database = Schema(
        .anyOf([
            Schema(.scalar(.oneOf(["owned", "none"])), "owned: the service has its own database; none: it has none."),
            Schema(
                .object([
                    Property("name", Schema(.scalar(.name), "Database name."), default: "the service name"),
                    Property(
                        "engine",
                        Schema(
                            .scalar(.oneOf(DatabaseEngine.allCases.map(\.rawValue))),
                            "Engine, overriding the environment's choice.")
                    ),
                ]),
                "An owned database with options."),
        ]),
        "The service's own database.")

    static let health = Schema(
        .object([
            Property("liveness", Schema(.scalar(.path), "Liveness path on the admin port."), default: "/health/live"),
            Property(
                "readiness", Schema(.scalar(.path), "Readiness path on the admin port."), default: "/health/ready"),
            Property("period", Schema(.scalar(.duration), "Probe interval."), default: "10s"),
            Property("timeout", Schema(.scalar(.duration), "Probe timeout."), default: "2s"),
            Property(
                "failureThreshold", Schema(.scalar(.integer(1...100)), "Failures before a probe fails."), default: "3"),
            Property(
                "startupTimeout", Schema(.scalar(.duration), "How long start-up may take before liveness applies."),
                default: "60s"),
        ]),
        "Health endpoints and probe timings.")
}

extension SpecSchema {
    static let expose = Schema(
        .object([
            Property(
                "host", Schema(.scalar(.string), "Public DNS name, e.g. shop.example.com; '*.' matches subdomains."),
                required: true),
            Property(
                "kind",
                Schema(
                    .scalar(.oneOf(ExposeSpec.Kind.allCases.map(\.rawValue))),
                    "ingress: networking.k8s.io/v1 Ingress; httproute: Gateway API HTTPRoute."),
                default: "ingress"),
            Property(
                "className", Schema(.scalar(.string), "Ingress only: ingressClassName."),
                default: "the cluster's default IngressClass"),
            Property(
                "tls", Schema(.scalar(.string), "Ingress only: Secret (kubernetes.io/tls) with the host's certificate.")
            ),
            Property(
                "gateway",
                Schema(
                    .object([
                        Property("name", Schema(.scalar(.string), "Name of the Gateway."), required: true),
                        Property(
                            "namespace", Schema(.scalar(.name), "Namespace of the Gateway."),
                            default: "the system's namespace"),
                        Property("sectionName", Schema(.scalar(.name), "Listener of the Gateway to attach to.")),
                    ]),
                    "HTTPRoute only (required there): the Gateway the route attaches to (parentRefs).")),
        ]),
        "Gateway only: reach the gateway from outside the cluster through an Ingress or an HTTPRoute.")
}
