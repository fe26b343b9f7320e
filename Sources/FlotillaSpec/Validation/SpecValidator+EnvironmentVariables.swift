extension SpecValidator {
    /// Name endings that mark a variable as secret: its value belongs in a Secret.
    static let secretNameEndings = [
        "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "SIGNING_KEY", "ACCESS_KEY", "CREDENTIALS",
    ]

    /// Variables Flotilla sets itself; a spec may not set them.
    static let reservedVariables = ["DATABASE_URL", "HTTP_PORT", "ADMIN_PORT", "SERVICE_NAME"]

    /// No literal secrets in plain env, no variable set twice, no reserved names.
    mutating func checkEnvironmentVariables() {
        for service in spec.services {
            checkPlainVariables(service.env, of: service.name.value)
            let plain = Set(service.env.map(\.name.value))
            for secret in service.secrets {
                if plain.contains(secret.name.value) {
                    diagnostics.error(
                        "'\(secret.name.value)' is set both in env and in secrets of service '\(service.name.value)'",
                        at: secret.name.location, hint: "keep the secret reference and remove the plain value")
                }
                checkReserved(secret.name, of: service.name.value)
            }
        }
    }

    mutating func checkPlainVariables(_ variables: [EnvironmentVariable], of service: String) {
        for variable in variables {
            checkReserved(variable.name, of: service)
            let name = variable.name.value.uppercased()
            let looksSecret = Self.secretNameEndings.contains { name.hasSuffix($0) }
            if looksSecret, !variable.value.isEmpty {
                diagnostics.error(
                    "'\(variable.name.value)' in service '\(service)' looks like a secret but has a literal value",
                    at: variable.name.location,
                    hint: "move it to 'secrets:' as \(variable.name.value): { secret: <secret-name>, key: <key> }")
            } else if Self.containsCredentials(variable.value) {
                diagnostics.error(
                    "'\(variable.name.value)' in service '\(service)' holds a URL with a password",
                    at: variable.name.location, hint: "move it to 'secrets:' and reference a Secret instead")
            }
        }
    }

    private mutating func checkReserved(_ name: Located<String>, of service: String) {
        guard Self.reservedVariables.contains(name.value) || name.value.hasPrefix("FLOTILLA_") else { return }
        diagnostics.error(
            "'\(name.value)' in service '\(service)' is set by Flotilla itself", at: name.location,
            hint: "remove it; Flotilla derives it from ports and database")
    }

    /// `scheme://user:password@host`: credentials embedded in a URL.
    static func containsCredentials(_ value: String) -> Bool {
        guard let scheme = value.range(of: "://") else { return false }
        let authority = value[scheme.upperBound...].prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        return authority[..<at].contains(":")
    }
}
