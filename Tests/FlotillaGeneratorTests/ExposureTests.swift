import FlotillaGenerator
import FlotillaSpec
import Testing

/// The gateway's `expose`: an Ingress or an HTTPRoute, in production-like overlays only.
@Suite struct ExposureTests {
    static func spec(expose: String) -> String {
        """
        version: 1
        name: edge
        environments:
          dev: { database: sqlite }
          prod: { database: postgres }
        services:
          gateway:
            role: gateway
            ports: { http: 8080 }
            routes:
              - { prefix: /api, service: api }
            expose: \(expose)
          api:
            ports: { http: 8081 }
        """
    }

    @Test func ingressGoesToProductionOverlaysOnly() throws {
        let spec = try Fixtures.spec(
            yaml: Self.spec(expose: "{ host: shop.example.com, className: nginx, tls: shop-tls }"))
        let files = try Fixtures.generate(spec)
        let ingress = try Fixtures.file("k8s/overlays/prod/expose/gateway.yaml", of: files)
        #expect(ingress.contains("kind: Ingress\n"))
        #expect(
            ingress.contains(
                "  ingressClassName: nginx\n  tls:\n  - hosts:\n    - shop.example.com\n    secretName: shop-tls\n"))
        #expect(ingress.contains("            name: gateway\n            port:\n              name: http\n"))
        #expect(
            try Fixtures.file("k8s/overlays/prod/kustomization.yaml", of: files).contains("- expose/gateway.yaml\n"))
        #expect(
            !files.contains { $0.path.hasPrefix("k8s/overlays/dev/expose/") || $0.path.hasPrefix("k8s/base/expose") })
    }

    @Test func httpRouteAttachesToTheNamedGatewayWithThePortNumber() throws {
        let spec = try Fixtures.spec(
            yaml: Self.spec(
                expose:
                    "{ host: '*.example.com', kind: httproute, gateway: { name: public, namespace: infra, sectionName: https } }"
            ))
        let route = try Fixtures.file("k8s/overlays/prod/expose/gateway.yaml", of: try Fixtures.generate(spec))
        #expect(route.contains("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"))
        #expect(route.contains("  parentRefs:\n  - name: public\n    namespace: infra\n    sectionName: https\n"))
        #expect(route.contains("  hostnames:\n  - '*.example.com'\n"))
        #expect(route.contains("    - path:\n        type: PathPrefix\n        value: /\n"))
        #expect(route.contains("    backendRefs:\n    - name: gateway\n      port: 8080\n"))
    }

    @Test func streamOfProductionHoldsTheExposureAndDevelopmentDoesNot() throws {
        let spec = try Fixtures.spec(yaml: Self.spec(expose: "{ host: shop.example.com }"))
        let generator = Generator(templates: try TemplateSet.builtin())
        let prod = try generator.kubernetesStream(spec, specText: "", environment: "prod", source: "flotilla.yaml")
        let dev = try generator.kubernetesStream(spec, specText: "", environment: "dev", source: "flotilla.yaml")
        #expect(prod.contains("kind: Ingress\nmetadata:\n  name: gateway\n  namespace: edge\n"))
        #expect(!dev.contains("kind: Ingress"))
    }
}
