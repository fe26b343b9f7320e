import FlotillaSpec
import Foundation
import Testing

/// The repository's own flotilla.yaml, and the defaults a minimal spec gets.
@Suite("Spec model")
struct ShopSpecTests {
    static func load(_ yaml: String) -> SystemSpec? { SpecLoader.load(yaml: yaml, file: "f.yaml").spec }

    @Test func theShopIsValidWithoutWarnings() throws {
        let yaml = TestPaths.read(TestPaths.repository.appendingPathComponent("flotilla.yaml"))
        let result = SpecLoader.load(yaml: yaml, file: "flotilla.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let spec = try #require(result.spec)
        #expect(
            spec.services.map(\.name.value) == ["gateway", "users", "products", "orders", "payments", "notifications"])
        let gateway = try #require(spec.service(named: "gateway"))
        #expect(gateway.role == .gateway)
        #expect(gateway.routes.count == 6)
        #expect(
            gateway.dependencies.map(\.service.value) == ["users", "products", "orders", "payments", "notifications"])
        let orders = try #require(spec.service(named: "orders"))
        #expect(orders.dependencies.map(\.service.value) == ["products", "payments"])
        #expect(orders.sagas.first?.steps.map(\.action.value.description).first == "products.reserve")
        #expect(spec.environments.map(\.name.value) == ["dev", "prod"])
    }

    @Test func aBoundedNumberOutOfRangeNamesBothBounds() {
        let yaml = """
            name: d
            services:
              gateway:
                role: gateway
                ports: { http: 8000 }
                routes:
                  - { prefix: /api, service: api, rateLimit: { quota: 20000000, window: 1m } }
              api:
                ports: { http: 8080 }
            """
        let messages = SpecLoader.load(yaml: yaml, file: "f.yaml").diagnostics.map(\.message)
        #expect(
            messages.contains { $0.hasPrefix("'quota' must be between 1 and 10000000, found 20000000") }, "\(messages)")
    }

    @Test func aMinimalServiceGetsProductionDefaults() throws {
        let spec = try #require(Self.load("name: hello\nservices:\n  order-history:\n    ports: { http: 8080 }\n"))
        let service = try #require(spec.services.first)
        #expect(spec.namespace.value == "hello")
        #expect(spec.image.tag.value == .gitSHA)
        #expect(service.product == "OrderHistory")
        #expect(service.ports.admin.value == 9080)
        #expect(service.replicaCount == 1)
        #expect(service.resources == .default)
        #expect(service.health == .default)
        #expect(service.database == nil)
        #expect(spec.environments.map(\.name.value) == ["dev", "prod"])
        #expect(spec.image.repository(system: "hello", service: "api") == "hello-api")
    }

    @Test func callPoliciesFillOnlyWhatIsMissing() throws {
        let yaml = """
            name: d
            services:
              a:
                ports: { http: 8080 }
                calls:
                  b: { timeout: 3s, retry: { attempts: 5 }, breaker: { window: { type: time, size: 30s } } }
              b:
                ports: { http: 8081 }
            """
        let policy = try #require(Self.load(yaml)?.services.first?.calls.first?.policy)
        #expect(policy.timeout == .seconds(3))
        #expect(policy.retry.attempts == 5)
        #expect(policy.retry.maxBackoff == RetryPolicySpec.default.maxBackoff)
        #expect(policy.breaker.window == .time(.seconds(30)))
        #expect(policy.breaker.slowCallDuration == .seconds(3))
        #expect(policy.bulkhead == .default)
    }

    @Test func environmentOverridesAreRead() throws {
        let yaml = """
            name: d
            environments:
              prod:
                services:
                  a: { replicas: 3, resources: { limits: { memory: 1Gi } }, env: { LOG_LEVEL: warn } }
            services:
              a:
                ports: { http: 8080 }
            """
        let override = try #require(Self.load(yaml)?.environment(named: "prod")?.overrides.first)
        #expect(override.replicas?.value == 3)
        #expect(override.resources?.limitsMemory?.bytes == 1 << 30)
        #expect(
            ResourcesSpec.default.applying(try #require(override.resources)).requests == ResourcesSpec.default.requests)
        #expect(override.env.map(\.value) == ["warn"])
    }
}
