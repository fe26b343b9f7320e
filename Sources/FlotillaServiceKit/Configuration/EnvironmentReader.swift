import FlotillaSpec
import Foundation

/// Typed access to environment variables; each parse failure names the variable and the fix.
struct EnvironmentReader {
    let environment: [String: String]

    init(_ environment: [String: String]) { self.environment = environment }

    /// A non-empty value: the variable itself, or the contents of the file named by `<NAME>_FILE`
    /// (how compose and Kubernetes hand over secrets without writing them into the environment).
    func string(_ name: String) -> String? {
        if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        guard let path = environment[name + "_FILE"], !path.isEmpty,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    func port(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw ConfigurationError(
                setting: name, problem: "'\(text)' is not a port number", fix: "use 1–65535, or 0 for any free port")
        }
        return port
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                setting: name, problem: "'\(text)' is not a whole number in \(range.lowerBound)…\(range.upperBound)",
                fix: "set a number in range")
        }
        return value
    }

    func duration(_ name: String) throws -> Duration? {
        guard let text = string(name) else { return nil }
        guard let value = SpecSyntax.duration(text) else {
            throw ConfigurationError(
                setting: name, problem: "'\(text)' is not a duration", fix: "write 500ms, 10s or 1m")
        }
        return value
    }

    /// `FLOTILLA_DISCOVERY` and the per-dependency `FLOTILLA_UPSTREAM_<NAME>` variables.
    func discovery(dependencies: [String]) throws -> DiscoveryMode {
        let mode = string("FLOTILLA_DISCOVERY") ?? "static"
        func upstreams() -> [String: String] {
            var result: [String: String] = [:]
            for (key, value) in environment where key.hasPrefix("FLOTILLA_UPSTREAM_") && !value.isEmpty {
                let name = key.dropFirst("FLOTILLA_UPSTREAM_".count).lowercased().replacingOccurrences(
                    of: "_", with: "-")
                result[name] = value
            }
            return result
        }
        switch mode {
        case "static":
            var endpoints: [String: [String]] = [:]
            for (name, value) in upstreams() {
                let urls = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard urls.allSatisfy({ $0.hasPrefix("http://") || $0.hasPrefix("https://") }) else {
                    throw ConfigurationError(
                        setting: "FLOTILLA_UPSTREAM_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))",
                        problem: "'\(value)' is not a list of http:// URLs",
                        fix: "e.g. http://127.0.0.1:8081,http://127.0.0.1:8181")
                }
                endpoints[name] = urls
            }
            return .static(endpoints)
        case "registry":
            return .registry(path: string("FLOTILLA_REGISTRY") ?? ".flotilla/registry.json")
        case "kubernetes":
            return .kubernetes(upstreams())
        default:
            throw ConfigurationError(
                setting: "FLOTILLA_DISCOVERY", problem: "'\(mode)' is not a discovery mode",
                fix: "use static, registry or kubernetes")
        }
    }
}
