import FlotillaSpec

/// The text of `--explain`: each spec element, where it is, and what it became.
struct Explanation {
    let spec: SystemSpec
    let topology: Topology
    let options: GenerateOptions
    let composeEnvironment: EnvironmentSpec

    func text() -> String {
        var lines = ["\(options.specPath) → \(options.manifestsPath)/ and .github/workflows/"]
        lines += system()
        for service in spec.services { lines += self.service(service) }
        for environment in spec.environments { lines += self.environment(environment) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func system() -> [String] {
        let name = spec.name.value
        var lines = [
            "", "system \(name) (\(spec.name.location))",
            "  namespace \(spec.namespace.value) → Namespace/\(spec.namespace.value) enforcing the restricted Pod "
                + "Security Standard, NetworkPolicy/default-deny (k8s/base/)",
            "  spec file → ConfigMap \(Naming.specConfigMap(system: name)) (configMapGenerator), mounted at "
                + "\(Naming.specPath) = FLOTILLA_SPEC; compose config flotilla-spec",
            "  swift \(spec.swiftVersion) → build stage FROM swift:\(spec.swiftVersion)-noble; CI container of the same tag",
            "  image \(spec.image.registry ?? "(local)"), tag \(spec.image.tag.value.rawValue) → "
                + "deploy.yml pushes <registry>/\(name)-<service>:\(WorkflowBuilder(spec: spec, manifestsPath: options.manifestsPath, specPath: options.specPath).tagExpression)",
        ]
        if spec.tracing.enabled {
            lines.append(
                "  tracing on → OTEL_EXPORTER_OTLP_ENDPOINT=\(spec.tracing.endpoint ?? "http://otel-collector:4318")"
                    + (spec.tracing.endpoint == nil ? "; compose service otel-collector" : "")
                    + "; NetworkPolicy egress TCP 4318")
        }
        return lines
    }

    private func service(_ service: ServiceSpec) -> [String] {
        let name = service.name.value
        let deployed = DeployedService(base: service)
        var lines = [
            "", "service \(name) (\(service.location))",
            "  product \(service.product) → docker/\(name)/Dockerfile builds /app/\(service.product); "
                + "HEALTHCHECK /app/\(service.product) healthcheck; compose service \(name); "
                + "k8s/base/services/\(name).yaml: ServiceAccount, Deployment",
        ]
        if let http = service.ports.http {
            lines.append(
                "  ports http \(http.value) → container port http, Service/\(name) and Service/\(Naming.headless(name))"
                    + (service.role == .gateway ? "; compose publishes 127.0.0.1:\(http.value)" : ""))
        } else {
            lines.append("  worker (no http port) → no Service, no ingress but monitoring")
        }
        lines.append(
            "  admin \(service.ports.admin.value) → probes and Prometheus annotations; ingress only from pods "
                + "labelled \(Naming.monitoringLabel)=true; never in a Service or published")
        if let autoscale = deployed.autoscale {
            lines.append(
                "  autoscale \(autoscale.min.value)–\(autoscale.max.value) → HorizontalPodAutoscaler/\(name) "
                    + "(cpu \(autoscale.cpuTarget.map { "\($0)%" } ?? "–"), memory "
                    + "\(autoscale.memoryTarget.map { "\($0)%" } ?? "–")); Deployment without replicas")
        } else {
            lines.append("  replicas \(deployed.replicas) → Deployment replicas \(deployed.replicas)")
        }
        if deployed.minimumPods > 1 { lines.append("  ≥ 2 pods → PodDisruptionBudget/\(name) maxUnavailable 1") }
        let resources = deployed.resources
        lines.append(
            "  resources \(resources.requests.cpu)/\(resources.requests.memory) requested, "
                + "\(resources.limits.cpu)/\(resources.limits.memory) limit → container resources; compose deploy.resources"
        )
        if let database = service.database {
            lines.append(
                "  database \(database.name) → DATABASE_URL from Secret \(Naming.databaseSecret(name)) key url; "
                    + "compose \(Naming.database(name)) (PostgreSQL, volume); in-cluster StatefulSet in development overlays"
            )
        }
        let upstreams = topology.upstreams(of: name)
        if !upstreams.isEmpty {
            lines.append(
                "  upstreams \(upstreams.joined(separator: ", ")) → "
                    + upstreams.map(Naming.upstreamVariable).joined(separator: ", ") + "; NetworkPolicy egress")
        }
        let inbound = topology.inbound(to: name)
        if !inbound.isEmpty {
            lines.append("  reached by \(inbound.joined(separator: ", ")) → NetworkPolicy/\(name) ingress on http")
        }
        if let expose = service.expose {
            let object = expose.kind == .ingress ? "Ingress" : "HTTPRoute"
            lines.append(
                "  expose \(expose.host.value) (\(expose.location)) → \(object)/\(name) to Service/\(name) port http "
                    + "in production-like overlays (k8s/overlays/<env>/expose/\(name).yaml); not in development overlays"
            )
        }
        let grace = DeploymentBuilder.gracePeriod(drain: service.drain)
        lines.append(
            "  drain \(service.drain.dockerText) → preStop sleep \(Naming.preStopSeconds)s, terminationGracePeriodSeconds \(grace); "
                + "compose stop_grace_period")
        return lines
    }

    private func environment(_ environment: EnvironmentSpec) -> [String] {
        let name = environment.name.value
        var lines = [
            "",
            "environment \(name) (\(environment.name.location)) → k8s/overlays/\(name)/"
                + (name == composeEnvironment.name.value ? " and compose.yaml" : ""),
            DeployedService.runsDatabasesInCluster(name)
                ? "  development: in-cluster PostgreSQL StatefulSets and generated Secrets"
                : "  databases and Secrets provided by you: \(Naming.adminSecret(system: spec.name.value)), <service>-database"
                    + (spec.services.compactMap { $0.expose?.tls?.value }.map { ", \($0) (TLS)" }.joined()),
        ]
        for service in spec.services {
            let base = DeployedService(base: service)
            let here = DeployedService(service, in: environment)
            guard base != here || here.environment != nil else { continue }
            var changes: [String] = []
            if base.autoscale != here.autoscale || base.replicas != here.replicas {
                changes.append(
                    here.autoscale.map { "autoscale \($0.min.value)–\($0.max.value)" } ?? "replicas \(here.replicas)")
            }
            if base.resources != here.resources { changes.append("resources") }
            if base.env != here.env { changes.append("env") }
            if base.engine != here.engine, let engine = here.engine { changes.append("database \(engine.rawValue)") }
            if !changes.isEmpty { lines.append("  \(service.name.value): \(changes.joined(separator: ", "))") }
        }
        return lines
    }
}
