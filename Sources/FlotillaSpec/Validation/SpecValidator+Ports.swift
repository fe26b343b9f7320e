extension SpecValidator {
    /// Ports must be unique across the whole system (every instance shares one host under
    /// `flotilla up`), and each service's role decides whether it has an HTTP port.
    mutating func checkPorts() {
        var owners: [Int: (service: String, location: SourceLocation)] = [:]
        for service in spec.services {
            let name = service.name.value
            switch (service.role, service.ports.http) {
            case (.worker, let http?):
                diagnostics.error(
                    "worker '\(name)' has an http port, but workers serve no API", at: http.location,
                    hint: "remove ports.http, or give the service role 'service'")
            case (.service, nil), (.gateway, nil):
                diagnostics.error(
                    "service '\(name)' needs an http port", at: service.location,
                    hint: "add 'ports: { http: 8080 }', or 'role: worker' for a service without an API")
            default: break
            }
            for port in [service.ports.http, service.ports.admin].compactMap({ $0 }) {
                if let owner = owners[port.value] {
                    let whose = owner.service == name ? "this service's other port" : "service '\(owner.service)'"
                    diagnostics.error(
                        "port \(port.value) of service '\(name)' is already used by \(whose) at \(owner.location)",
                        at: port.location,
                        hint: "every port must be unique: all instances share one host under flotilla up")
                } else {
                    owners[port.value] = (name, port.location)
                }
            }
        }
    }
}
