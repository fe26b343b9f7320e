import FlotillaSpec

/// Spec → `compose.yaml` for one environment (the first, `dev` by default), plus the
/// development-only secret files it reads.
///
/// Secrets never appear inline: each is a compose secret backed by a file under `secrets/`,
/// mounted at `/run/secrets/<name>`, and named to the service by `<VAR>_FILE` (the convention of
/// the official images; Flotilla's runtime reads `<VAR>_FILE` when `<VAR>` is unset).
struct ComposeBuilder {
    let spec: SystemSpec
    let topology: Topology
    let environment: EnvironmentSpec
    /// The build context (the repository root) relative to the compose file's folder.
    let contextPath: String
    /// The manifests folder relative to the repository root.
    let manifestsPath: String
    /// The spec file relative to the repository root.
    let specPath: String

    private var runtime: RuntimeEnvironment { RuntimeEnvironment(spec: spec, topology: topology, discovery: .compose) }

    func files(source: String) throws -> [GeneratedFile] {
        var services: [String: ComposeFile.Service] = [:]
        var secrets: [String: String] = [:]
        var volumes: [String: ComposeFile.Volume] = [:]
        let order = topology.startupOrder(spec)
        let shared = runtime.shared(environment: environment.name.value)
        for service in spec.services {
            let deployed = DeployedService(service, in: environment)
            var environment = shared.merging(runtime.own(deployed)) { $1 }
            var serviceSecrets: [String] = []
            for variable in runtime.secrets(deployed) {
                environment[variable.name + "_FILE"] = "/run/secrets/\(variable.composeSecret)"
                serviceSecrets.append(variable.composeSecret)
                secrets[variable.composeSecret] = secretValue(variable, deployed)
            }
            var dependencies: [String: ComposeFile.Dependency] = [:]
            for target in order[deployed.name] ?? [] { dependencies[target] = .init(condition: "service_healthy") }
            var serviceVolumes: [String]?
            if deployed.engine == .postgres {
                let database = Naming.database(deployed.name)
                dependencies[database] = .init(condition: "service_healthy")
                services[database] = postgres(deployed.service)
                volumes[database + "-data"] = ComposeFile.Volume()
                secrets[database + "-password"] = DatabaseBuilder.developmentPassword(deployed.name)
            } else if deployed.engine == .sqlite {
                volumes[deployed.name + "-data"] = ComposeFile.Volume()
                serviceVolumes = ["\(deployed.name)-data:\(Naming.composeDataDirectory)"]
            }
            if spec.tracing.enabled, spec.tracing.endpoint == nil {
                dependencies["otel-collector"] = .init(condition: "service_started")
            }
            services[deployed.name] = self.service(
                deployed, environment: environment, secrets: serviceSecrets.sorted(), dependencies: dependencies,
                volumes: serviceVolumes)
        }
        if spec.tracing.enabled, spec.tracing.endpoint == nil {
            services["otel-collector"] = ComposeFile.Service(
                image: Naming.collectorImage, restart: "unless-stopped", readOnly: true, capDrop: ["ALL"],
                securityOpt: ["no-new-privileges:true"], networks: ["internal"])
        }
        let hasGateway = spec.services.contains { $0.role == .gateway }
        var networks: [String: ComposeFile.Network] = ["internal": .init(internal: true)]
        if hasGateway { networks["edge"] = .init() }
        let file = ComposeFile(
            name: spec.name.value, services: SortedMap(services), networks: SortedMap(networks),
            volumes: volumes.isEmpty ? nil : SortedMap(volumes),
            secrets: secrets.isEmpty
                ? nil
                : SortedMap(
                    Dictionary(
                        uniqueKeysWithValues: secrets.keys.map { ($0, ComposeFile.FileSource(file: "./secrets/\($0)")) }
                    )),
            configs: ["flotilla-spec": ComposeFile.FileSource(file: "\(contextPath)/\(specPath)")])
        var result = [
            GeneratedFile(path: "compose.yaml", contents: try YAMLText.file(source: source, documents: [file]))
        ]
        for name in SortedMap(secrets).sortedKeys {
            result.append(GeneratedFile(path: "secrets/\(name)", contents: secrets[name] ?? ""))
        }
        return result
    }

    private func service(
        _ deployed: DeployedService, environment: [String: String], secrets: [String],
        dependencies: [String: ComposeFile.Dependency], volumes: [String]?
    ) -> ComposeFile.Service {
        let service = deployed.service
        let health = service.health
        let isGateway = service.role == .gateway
        let ports =
            isGateway
            ? service.ports.http.map { http in
                [ComposeFile.Port(target: http.value, published: String(http.value), hostIP: "127.0.0.1")]
            } : nil
        return ComposeFile.Service(
            build: ComposeFile.Build(
                context: contextPath, dockerfile: "\(manifestsPath)/docker/\(deployed.name)/Dockerfile"),
            image: "\(Naming.image(spec, service)):local", environment: SortedMap(environment),
            secrets: secrets, configs: [ComposeFile.ConfigMount(source: "flotilla-spec", target: Naming.specPath)],
            ports: ports,
            healthcheck: ComposeFile.Healthcheck(
                test: ["CMD", Naming.binary(service), "healthcheck"], interval: health.period.dockerText,
                timeout: health.timeout.dockerText, retries: health.failureThreshold,
                startPeriod: health.startupTimeout.dockerText),
            dependsOn: dependencies.isEmpty ? nil : SortedMap(dependencies), restart: "unless-stopped",
            readOnly: true, tmpfs: ["/tmp"], user: "\(Naming.uid):\(Naming.uid)", capDrop: ["ALL"],
            securityOpt: ["no-new-privileges:true"],
            stopGracePeriod: "\(service.drain.wholeSeconds(minimum: 0) + Naming.graceMarginSeconds)s",
            deploy: ComposeFile.Deploy(
                resources: ComposeFile.Resources(
                    limits: Self.amounts(deployed.resources.limits),
                    reservations: Self.amounts(deployed.resources.requests))),
            networks: isGateway ? ["edge", "internal"] : ["internal"], volumes: volumes)
    }

    private func postgres(_ service: ServiceSpec) -> ComposeFile.Service {
        let owner = service.name.value
        let database = service.database?.name ?? owner
        let name = Naming.database(owner)
        return ComposeFile.Service(
            image: Naming.postgresImage,
            environment: [
                "POSTGRES_USER": owner, "POSTGRES_DB": database,
                "POSTGRES_PASSWORD_FILE": "/run/secrets/\(name)-password",
            ],
            secrets: ["\(name)-password"],
            healthcheck: ComposeFile.Healthcheck(
                test: ["CMD", "pg_isready", "-U", owner, "-d", database], interval: "5s", timeout: "3s", retries: 6,
                startPeriod: "10s"),
            restart: "unless-stopped", securityOpt: ["no-new-privileges:true"], networks: ["internal"],
            volumes: ["\(name)-data:/var/lib/postgresql/data"])
    }

    private func secretValue(_ variable: RuntimeEnvironment.SecretVariable, _ deployed: DeployedService) -> String {
        switch variable.name {
        case "DATABASE_URL": DatabaseBuilder.developmentURL(deployed.service, host: Naming.database(deployed.name))
        case "FLOTILLA_ADMIN_TOKEN": "dev-only-admin-token"
        default: "dev-only-\(variable.secret)-\(variable.key)"
        }
    }

    /// Compose CPU counts are decimals (`0.25`), memory takes binary suffixes (`256M` = 256 MiB).
    static func amounts(_ amounts: ResourceAmounts) -> ComposeFile.Amounts {
        let millicores = amounts.cpu.millicores
        var cpus = String(millicores / 1000)
        if millicores % 1000 != 0 {
            let fraction = String(millicores % 1000)
            cpus += "." + String(repeating: "0", count: 3 - fraction.count) + fraction
            while cpus.hasSuffix("0") { cpus.removeLast() }
        }
        let bytes = amounts.memory.bytes
        let units: [(String, Int)] = [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)]
        let memory = units.first { bytes % $0.1 == 0 }.map { "\(bytes / $0.1)\($0.0)" } ?? "\(bytes)b"
        return ComposeFile.Amounts(cpus: cpus, memory: memory)
    }
}
