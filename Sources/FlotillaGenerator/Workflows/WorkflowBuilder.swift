import FlotillaSpec

/// Spec → `.github/workflows/ci.yml` (build, test, `flotilla generate --check`) and
/// `.github/workflows/deploy.yml` (an image per service, then `kubectl apply -k` of the
/// production overlay in a protected environment).
///
/// Every job starts from `contents: read`; only the image job may write packages. Actions are
/// pinned to the major versions that run on Node 24 (actionlint flags Node 20 ones).
struct WorkflowBuilder {
    let spec: SystemSpec
    /// The manifests folder relative to the repository root.
    let manifestsPath: String
    /// The spec file relative to the repository root.
    let specPath: String

    static let checkout = "actions/checkout@v5"

    func files(source: String) throws -> [GeneratedFile] {
        var files = [
            GeneratedFile(
                root: .repository, path: ".github/workflows/ci.yml",
                contents: try YAMLText.file(source: source, documents: [ci()]))
        ]
        files.append(
            GeneratedFile(
                root: .repository, path: ".github/workflows/deploy.yml",
                contents: try YAMLText.file(source: source, documents: [deploy()])))
        return files
    }

    func ci() -> Workflow {
        let checkout = Workflow.Step(name: "Check out", uses: Self.checkout, with: ["persist-credentials": "false"])
        let steps = [
            checkout,
            Workflow.Step(
                name: "Cache SwiftPM builds", uses: "actions/cache@v5",
                with: [
                    "path": ".build",
                    "key": "swiftpm-${{ runner.os }}-${{ hashFiles('Package.swift', 'Package.resolved') }}",
                ]),
            Workflow.Step(
                name: "Install the validators' Python",
                if: "hashFiles('scripts/validate-artifacts.sh') != ''",
                run: """
                    apt-get update
                    apt-get install -y --no-install-recommends python3 python3-venv
                    """),
            Workflow.Step(name: "Build", run: "swift build"),
            Workflow.Step(
                name: "Test", run: "if [ -x scripts/test.sh ]; then scripts/test.sh; else swift test; fi"),
            Workflow.Step(
                name: "Generated artifacts are up to date",
                run: "swift run flotilla generate --check --out \(manifestsPath) \(specPath)"),
        ]
        return Workflow(
            name: "CI", on: Workflow.Triggers(push: .init(branches: ["main"]), pullRequest: .init()),
            permissions: ["contents": "read"],
            concurrency: .init(group: "ci-${{ github.ref }}", cancelInProgress: true),
            jobs: [
                "test": Workflow.Job(
                    name: "Build, test, check generated artifacts", runsOn: "ubuntu-24.04",
                    container: "swift:\(spec.swiftVersion)-noble", timeoutMinutes: 60, steps: steps)
            ])
    }

    /// The environment the deploy job applies: the first one whose databases are the user's.
    var productionEnvironment: String? {
        spec.environments.map(\.name.value).first { !DeployedService.runsDatabasesInCluster($0) }
    }

    /// The image tag CI pushes, by the spec's tag policy.
    var tagExpression: String {
        switch spec.image.tag.value {
        case .gitSHA: "${{ github.sha }}"
        case .semver: "${{ github.ref_name }}"
        case .latest: "latest"
        }
    }

    func deploy() -> Workflow {
        let pushes = spec.image.registry.map { !$0.isEmpty } ?? false
        let registryHost = spec.image.registry.flatMap { $0.split(separator: "/").first.map(String.init) } ?? ""
        var imageSteps = [
            Workflow.Step(name: "Check out", uses: Self.checkout, with: ["persist-credentials": "false"]),
            Workflow.Step(name: "Set up Buildx", uses: "docker/setup-buildx-action@v4"),
        ]
        if pushes {
            imageSteps.append(
                Workflow.Step(
                    name: "Log in to \(registryHost)", uses: "docker/login-action@v4",
                    with: [
                        "registry": registryHost, "username": "${{ github.actor }}",
                        "password": "${{ secrets.GITHUB_TOKEN }}",
                    ]))
        }
        imageSteps.append(
            Workflow.Step(
                name: "Build and push ${{ matrix.service }}", uses: "docker/build-push-action@v7",
                with: [
                    "context": ".", "file": "\(manifestsPath)/docker/${{ matrix.service }}/Dockerfile",
                    "push": pushes ? "true" : "false", "tags": "${{ matrix.image }}:\(tagExpression)",
                    "cache-from": "type=gha,scope=${{ matrix.service }}",
                    "cache-to": "type=gha,mode=max,scope=${{ matrix.service }}",
                ]))
        let matrix = spec.services.map { service -> OrderedMap<String> in
            ["service": service.name.value, "image": Naming.image(spec, service)]
        }
        var jobs: [(String, Workflow.Job)] = [
            (
                "images",
                Workflow.Job(
                    name: "Image ${{ matrix.service }}", runsOn: "ubuntu-24.04",
                    permissions: ["contents": "read", "packages": "write"],
                    strategy: .init(failFast: false, matrix: .init(include: matrix)), timeoutMinutes: 60,
                    steps: imageSteps)
            )
        ]
        if pushes, let environment = productionEnvironment {
            jobs.append(("deploy", deployJob(environment)))
        }
        let triggers =
            spec.image.tag.value == .semver
            ? Workflow.Triggers(push: .init(tags: ["v*"]), workflowDispatch: .init())
            : Workflow.Triggers(push: .init(branches: ["main"]), workflowDispatch: .init())
        return Workflow(
            name: "Images and deploy", on: triggers, permissions: ["contents": "read"],
            concurrency: .init(group: "deploy-${{ github.ref }}", cancelInProgress: false), jobs: OrderedMap(jobs))
    }

    private func deployJob(_ environment: String) -> Workflow.Job {
        let overlay = "\(manifestsPath)/k8s/overlays/\(environment)"
        let images = spec.services.map { service in
            let image = Naming.image(spec, service)
            return "  \"\(image)=\(image):${TAG}\""
        }
        let rollouts = spec.services.map {
            "kubectl -n \"$NAMESPACE\" rollout status deployment/\($0.name.value) --timeout=10m"
        }
        return Workflow.Job(
            name: "Deploy to \(environment)", needs: ["images"], runsOn: "ubuntu-24.04",
            permissions: ["contents": "read"], environment: .init(name: environment),
            concurrency: .init(group: "deploy-\(environment)", cancelInProgress: false), timeoutMinutes: 30,
            env: ["TAG": tagExpression, "NAMESPACE": spec.namespace.value],
            steps: [
                Workflow.Step(name: "Check out", uses: Self.checkout, with: ["persist-credentials": "false"]),
                Workflow.Step(
                    name: "Pin the images to this build", workingDirectory: overlay,
                    run: "kustomize edit set image \\\n" + images.joined(separator: " \\\n")),
                Workflow.Step(
                    name: "Configure cluster access", env: ["KUBECONFIG_DATA": "${{ secrets.KUBECONFIG }}"],
                    run: """
                        install -m 600 /dev/null "$RUNNER_TEMP/kubeconfig"
                        printf '%s' "$KUBECONFIG_DATA" > "$RUNNER_TEMP/kubeconfig"
                        echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"
                        """),
                Workflow.Step(name: "Apply", run: "kubectl apply -k \(overlay)"),
                Workflow.Step(name: "Wait for the rollout", run: rollouts.joined(separator: "\n")),
            ])
    }
}
