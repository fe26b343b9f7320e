import FlotillaGenerator
import FlotillaSpec
import Testing

/// One translation rule at a time, on small specs.
@Suite struct TranslationRuleTests {
    static let twoServices = """
        version: 1
        name: duo
        services:
          front:
            ports: { http: 8080 }
            drain: 25s
            calls:
              back-end: { timeout: 1s }
          back-end:
            ports: { http: 8081, admin: 9999 }
            replicas: 3
        """

    @Test func graceIsPreStopPlusDrainPlusMargin() throws {
        let files = try Fixtures.generate(try Fixtures.spec(yaml: Self.twoServices))
        let front = try Fixtures.file("k8s/base/services/front.yaml", of: files)
        #expect(front.contains("terminationGracePeriodSeconds: 35\n"))  // 5 + 25 + 5
        #expect(front.contains("sleep:\n              seconds: 5\n"))
        let compose = try Fixtures.file("compose.yaml", of: files)
        #expect(compose.contains("stop_grace_period: 30s"))  // no preStop in compose: drain + margin
    }

    @Test func upstreamVariablesUseHeadlessDNSAndStaticURLs() throws {
        let files = try Fixtures.generate(try Fixtures.spec(yaml: Self.twoServices))
        let kustomization = try Fixtures.file("k8s/base/kustomization.yaml", of: files)
        #expect(kustomization.contains("FLOTILLA_UPSTREAM_BACK_END=back-end-headless.duo.svc.cluster.local:8081"))
        #expect(
            try Fixtures.file("compose.yaml", of: files).contains("FLOTILLA_UPSTREAM_BACK_END: http://back-end:8081"))
    }

    @Test func adminPortIsNeverInAServiceAndOnlyMonitoringReachesIt() throws {
        let files = try Fixtures.generate(try Fixtures.spec(yaml: Self.twoServices))
        let backEnd = try Fixtures.file("k8s/base/services/back-end.yaml", of: files)
        #expect(!backEnd.contains("port: 9999"))
        #expect(backEnd.contains("flotilla.dev/monitoring: 'true'"))
        #expect(backEnd.contains("prometheus.io/port: '9999'"))
    }

    @Test func disruptionBudgetOnlyWithTwoOrMorePods() throws {
        let files = try Fixtures.generate(try Fixtures.spec(yaml: Self.twoServices))
        #expect(try Fixtures.file("k8s/base/services/back-end.yaml", of: files).contains("kind: PodDisruptionBudget"))
        #expect(!(try Fixtures.file("k8s/base/services/front.yaml", of: files).contains("kind: PodDisruptionBudget")))
    }

    @Test func callersAndPublishersMayReachTheHTTPPort() throws {
        let spec = try Fixtures.spec(
            yaml: """
                version: 1
                name: events
                services:
                  source:
                    ports: { http: 8080 }
                    database: owned
                    publishes: [thing.done]
                  sink:
                    ports: { http: 8081 }
                    database: owned
                    subscribes: [thing.done]
                """)
        let files = try Fixtures.generate(spec)
        let sink = try Fixtures.file("k8s/base/services/sink.yaml", of: files)
        #expect(
            sink.contains(
                "ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app.kubernetes.io/name: source"
            ))
        let source = try Fixtures.file("k8s/base/services/source.yaml", of: files)
        #expect(source.contains("FLOTILLA_UPSTREAM_SINK") == false)  // env lives in the ConfigMap
        #expect(try Fixtures.file("k8s/base/kustomization.yaml", of: files).contains("FLOTILLA_UPSTREAM_SINK="))
        #expect(source.contains("port: 8081"))  // egress to the subscriber
    }

    @Test func autoscaledDeploymentHasNoReplicasAndAnHPA() throws {
        let spec = try Fixtures.spec(
            yaml: """
                version: 1
                name: scaled
                services:
                  api:
                    ports: { http: 8080 }
                    autoscale: { min: 2, max: 5, cpu: 60, memory: 70 }
                """)
        let api = try Fixtures.file("k8s/base/services/api.yaml", of: Fixtures.generate(spec))
        #expect(!api.contains("replicas: "))
        #expect(api.contains("minReplicas: 2") && api.contains("maxReplicas: 5"))
        #expect(api.contains("averageUtilization: 60") && api.contains("averageUtilization: 70"))
    }

    @Test func workerHasNoServicesAndNoHTTPIngress() throws {
        let (spec, text) = try Fixtures.spec(named: "worker")
        let runner = try Fixtures.file("k8s/base/services/runner.yaml", of: Fixtures.generate(spec, text: text))
        #expect(!runner.contains("kind: Service\n"))
        #expect(!runner.contains("port: http"))
        #expect(!runner.contains("HTTP_PORT"))
    }

    @Test func developmentOverlayRunsPostgresAndProductionDoesNot() throws {
        let (spec, text) = try Fixtures.spec(named: "shop")
        let files = try Fixtures.generate(spec, text: text)
        #expect(files.contains { $0.path == "k8s/overlays/dev/databases/users-db.yaml" })
        #expect(!files.contains { $0.path.hasPrefix("k8s/overlays/prod/databases/") })
        let prod = try Fixtures.file("k8s/overlays/prod/kustomization.yaml", of: files)
        #expect(!prod.contains("secretGenerator"))
    }

    @Test func stringsThatReadAsOtherTypesAreQuoted() throws {
        let (spec, text) = try Fixtures.spec(named: "no-database")
        let compose = try Fixtures.file("compose.yaml", of: Fixtures.generate(spec, text: text))
        #expect(compose.contains("GREETING: 'yes'"))
        #expect(compose.contains("RATIO: '0.5'"))
        #expect(compose.contains("HTTP_PORT: '8001'"))
    }

    @Test func everyYAMLFileCarriesTheHeader() throws {
        let (spec, text) = try Fixtures.spec(named: "shop")
        for file in try Fixtures.generate(spec, text: text)
        where file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") || file.path.hasSuffix("Dockerfile") {
            guard file.path != "k8s/base/flotilla.yaml" else { continue }
            #expect(file.contents.contains("by `flotilla generate`; do not edit."), "\(file.path)")
        }
    }

    @Test func unknownEnvironmentIsAnError() throws {
        let spec = try Fixtures.spec(yaml: Self.twoServices)
        #expect(throws: GeneratorError.self) {
            try Fixtures.generate(spec, options: GenerateOptions(composeEnvironment: "moon"))
        }
    }

    @Test func onlySelectsFamilies() throws {
        let spec = try Fixtures.spec(yaml: Self.twoServices)
        let files = try Fixtures.generate(spec, options: GenerateOptions(only: [.docker]))
        #expect(files.allSatisfy { $0.path.hasPrefix("docker/") })
        #expect(files.count == 4)
    }
}
