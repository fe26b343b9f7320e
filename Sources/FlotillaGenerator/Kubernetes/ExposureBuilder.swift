import FlotillaSpec

/// The gateway's `expose`: an Ingress or a Gateway API HTTPRoute sending every path of the host
/// to the gateway's ClusterIP Service. Generated in production-like overlays only (see
/// ``OverlayBuilder``): a development cluster (kind, minikube) has no controller for them and,
/// for an HTTPRoute, not even the CRD, so `kubectl apply -k` of the dev overlay would fail.
struct ExposureBuilder {
    let spec: SystemSpec

    /// The exposed gateway and its object, if the spec exposes one.
    func object() -> (service: ServiceSpec, object: any KubernetesObject)? {
        guard let service = spec.services.first(where: { $0.role == .gateway && $0.expose != nil }),
            let expose = service.expose, let port = service.ports.http?.value
        else { return nil }
        let name = service.name.value
        let metadata = K8s.ObjectMeta(name: name, labels: Naming.labels(service, system: spec.name.value))
        let host = expose.host.value
        switch expose.kind {
        case .ingress:
            return (
                service,
                K8s.Ingress(
                    metadata: metadata,
                    spec: K8s.Ingress.Spec(
                        ingressClassName: expose.className?.value,
                        tls: expose.tls.map { [K8s.Ingress.TLS(hosts: [host], secretName: $0.value)] },
                        rules: [
                            K8s.Ingress.Rule(
                                host: host,
                                http: K8s.Ingress.HTTP(paths: [
                                    K8s.Ingress.Path(
                                        path: "/", pathType: "Prefix",
                                        backend: K8s.Ingress.Backend(
                                            service: K8s.Ingress.ServiceBackend(
                                                name: name, port: K8s.Ingress.NamedPort(name: "http"))))
                                ]))
                        ]))
            )
        case .httproute:
            let parents = expose.gateway.map { gateway in
                [
                    K8s.HTTPRoute.ParentReference(
                        name: gateway.name.value, namespace: gateway.namespace, sectionName: gateway.sectionName)
                ]
            }
            return (
                service,
                K8s.HTTPRoute(
                    metadata: metadata,
                    spec: K8s.HTTPRoute.Spec(
                        parentRefs: parents ?? [], hostnames: [host],
                        rules: [
                            K8s.HTTPRoute.Rule(
                                matches: [
                                    K8s.HTTPRoute.Match(path: K8s.HTTPRoute.PathMatch(type: "PathPrefix", value: "/"))
                                ],
                                backendRefs: [K8s.HTTPRoute.BackendReference(name: name, port: port)])
                        ]))
            )
        }
    }
}
