import FlotillaSpec

/// ServiceAccounts, Services and NetworkPolicies of a service.
struct NetworkBuilder {
    let spec: SystemSpec
    let topology: Topology

    private var system: String { spec.name.value }

    func serviceAccount(_ service: ServiceSpec) -> K8s.ServiceAccount {
        K8s.ServiceAccount(
            metadata: K8s.ObjectMeta(name: service.name.value, labels: Naming.labels(service, system: system)))
    }

    /// The ClusterIP Service (HTTP port only; the admin port is never exposed) and the headless
    /// Service clients resolve to reach every ready pod. Workers have neither.
    func services(_ service: ServiceSpec) -> [K8s.Service] {
        guard let http = service.ports.http?.value else { return [] }
        let name = service.name.value
        let port = K8s.ServicePort(name: "http", port: http, targetPort: .string("http"))
        let selector = Naming.selector(name, system: system)
        let labels = Naming.labels(service, system: system)
        return [
            K8s.Service(
                metadata: K8s.ObjectMeta(name: name, labels: labels),
                spec: K8s.Service.Spec(selector: selector, ports: [port])),
            K8s.Service(
                metadata: K8s.ObjectMeta(name: Naming.headless(name), labels: labels),
                spec: K8s.Service.Spec(clusterIP: "None", selector: selector, ports: [port])),
        ]
    }

    /// Default deny for every pod of the namespace, in and out.
    func defaultDeny() -> K8s.NetworkPolicy {
        K8s.NetworkPolicy(
            metadata: K8s.ObjectMeta(name: "default-deny", labels: ["app.kubernetes.io/part-of": system]),
            spec: K8s.NetworkPolicy.Spec(
                podSelector: K8s.LabelSelector(), policyTypes: ["Ingress", "Egress"], ingress: nil, egress: nil))
    }

    /// What one service may receive and send.
    ///
    /// Ingress: the HTTP port from its callers and event publishers (from anywhere for the
    /// gateway, which fronts the system); the admin port only from pods labelled
    /// `flotilla.dev/monitoring: "true"` in any namespace. Egress: DNS, the HTTP port of each
    /// upstream (dependencies and event subscribers), PostgreSQL when it owns a database, and
    /// the OTLP collector when tracing is on.
    func policy(_ deployed: DeployedService) -> K8s.NetworkPolicy {
        typealias Policy = K8s.NetworkPolicy
        let service = deployed.service
        let name = deployed.name
        var ingress: [Policy.IngressRule] = []
        if service.ports.http != nil {
            let sources = topology.inbound(to: name)
            if service.role == .gateway {
                ingress.append(Policy.IngressRule(from: nil, ports: [tcp(.string("http"))]))
            } else if !sources.isEmpty {
                ingress.append(Policy.IngressRule(from: sources.map(pods), ports: [tcp(.string("http"))]))
            }
        }
        ingress.append(
            Policy.IngressRule(
                from: [
                    Policy.Peer(
                        namespaceSelector: K8s.LabelSelector(),
                        podSelector: K8s.LabelSelector(matchLabels: [Naming.monitoringLabel: "true"]))
                ], ports: [tcp(.string("admin"))]))
        var egress = [
            Policy.EgressRule(
                to: [
                    Policy.Peer(
                        namespaceSelector: K8s.LabelSelector(matchLabels: [
                            "kubernetes.io/metadata.name": "kube-system"
                        ]),
                        podSelector: K8s.LabelSelector(matchLabels: ["k8s-app": "kube-dns"]))
                ],
                ports: [Policy.Port(protocol: "UDP", port: .int(53)), tcp(.int(53))])
        ]
        for upstream in topology.upstreams(of: name) {
            guard let port = topology.httpPorts[upstream] else { continue }
            egress.append(Policy.EgressRule(to: [pods(upstream)], ports: [tcp(.int(port))]))
        }
        if deployed.engine == .postgres {
            egress.append(Policy.EgressRule(to: nil, ports: [tcp(.int(5432))]))
        }
        if spec.tracing.enabled {
            egress.append(Policy.EgressRule(to: nil, ports: [tcp(.int(Naming.collectorPort))]))
        }
        return Policy(
            metadata: K8s.ObjectMeta(name: name, labels: Naming.labels(service, system: system)),
            spec: Policy.Spec(
                podSelector: K8s.LabelSelector(matchLabels: Naming.selector(name, system: system)),
                policyTypes: ["Ingress", "Egress"], ingress: ingress, egress: egress))
    }

    private func pods(_ service: String) -> K8s.NetworkPolicy.Peer {
        K8s.NetworkPolicy.Peer(podSelector: K8s.LabelSelector(matchLabels: Naming.selector(service, system: system)))
    }

    private func tcp(_ port: K8s.IntOrString) -> K8s.NetworkPolicy.Port {
        K8s.NetworkPolicy.Port(protocol: "TCP", port: port)
    }
}
