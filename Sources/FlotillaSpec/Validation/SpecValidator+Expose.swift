extension SpecValidator {
    /// `expose` belongs to the gateway, names a valid host, and uses only the keys of its kind:
    /// `className` and `tls` for an Ingress, `gateway` (required) for an HTTPRoute, whose TLS is
    /// the Gateway listener's business.
    mutating func checkExposure() {
        for service in spec.services {
            guard let expose = service.expose else { continue }
            let name = service.name.value
            if service.role != .gateway {
                diagnostics.error(
                    "service '\(name)' has 'expose' but is not the gateway", at: expose.location,
                    hint: "only the gateway is reached from outside the cluster; add 'role: gateway' or remove 'expose'"
                )
            }
            if !ScalarSyntax.isHostname(expose.host.value) {
                diagnostics.error(
                    "'host' must be a DNS name like shop.example.com, found '\(expose.host.value)' in service '\(name)'",
                    at: expose.host.location,
                    hint:
                        "lowercase letters, digits, '-' and '.', optionally starting with '*.'; no scheme, port, path or IP address"
                )
            }
            for (key, value) in [
                ("className", expose.className), ("tls", expose.tls), ("gateway.name", expose.gateway?.name),
            ] {
                guard let value, !ScalarSyntax.isSubdomain(value.value) else { continue }
                diagnostics.error(
                    "'\(key)' must be a Kubernetes object name, found '\(value.value)' in service '\(name)'",
                    at: value.location, hint: "lowercase letters, digits, '-' and '.', at most 253 characters")
            }
            switch expose.kind {
            case .ingress:
                if let gateway = expose.gateway {
                    diagnostics.error(
                        "'gateway' applies to kind httproute, but service '\(name)' is exposed by an Ingress",
                        at: gateway.name.location, hint: "add 'kind: httproute', or remove 'gateway'")
                }
            case .httproute:
                if expose.gateway == nil {
                    diagnostics.error(
                        "an HTTPRoute needs 'gateway: { name: … }' to attach to, in service '\(name)'",
                        at: expose.location,
                        hint: "name the Gateway (and its namespace) that serves \(expose.host.value)")
                }
                for (key, value) in [("className", expose.className), ("tls", expose.tls)] {
                    guard let value else { continue }
                    diagnostics.error(
                        "'\(key)' applies to kind ingress; an HTTPRoute gets it from its Gateway, in service '\(name)'",
                        at: value.location,
                        hint: key == "tls"
                            ? "configure the certificate on the Gateway listener (certificateRefs), and remove 'tls'"
                            : "the Gateway's gatewayClassName picks the controller; remove 'className'")
                }
            }
        }
    }
}
