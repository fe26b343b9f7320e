/// Parsers and checks for the scalar syntaxes of the spec, shared by the structural check and the
/// model builder so a value is judged the same way in both.
enum ScalarSyntax {
    /// Largest duration accepted: seven days, far above any sensible timeout, far below overflow.
    static let maxDurationMilliseconds: Int64 = 7 * 24 * 3_600_000

    /// Parses `500ms`, `2s`, `1.5s`, `1m30s`, `1h`: one or more number–unit pairs, units `ms`, `s`,
    /// `m`, `h`, with at most three decimals. Nil for a bare number, a missing unit or anything else.
    static func duration(_ text: String) -> Duration? {
        var total: Int64 = 0
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCIIDigit || $0 == "." }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard let thousandths = Decimal3.parse(String(number)) else { return nil }
            let unitMilliseconds: Int64
            switch unit {
            case "ms": unitMilliseconds = 1
            case "s": unitMilliseconds = 1000
            case "m": unitMilliseconds = 60_000
            case "h": unitMilliseconds = 3_600_000
            default: return nil
            }
            total += Int64(thousandths) * unitMilliseconds / 1000
            guard total <= maxDurationMilliseconds else { return nil }
        }
        return .milliseconds(total)
    }

    /// DNS-1123 label: 1–63 characters of `a-z`, `0-9` and `-`, starting and ending alphanumeric.
    static func isName(_ text: String) -> Bool {
        guard (1...63).contains(text.utf8.count), let first = text.utf8.first, let last = text.utf8.last else {
            return false
        }
        let allowed = text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        return allowed && isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
    }

    /// A name turned into a valid DNS-1123 label, for hints: `Order_Service` → `order-service`.
    static func suggestedName(for text: String) -> String? {
        let mapped = String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let trimmed = String(
            mapped.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-").prefix(63))
        return isName(trimmed) && trimmed != text ? trimmed : nil
    }

    /// Environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isEnvironmentVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !isDigit(first) else { return false }
        return text.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "_") }
    }

    /// Event name: two or more dot-separated DNS labels, e.g. `order.confirmed`.
    static func isEvent(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { isName(String($0)) }
    }

    /// `service.operation`, both DNS labels.
    static func operation(_ text: String) -> OperationReference? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, isName(String(parts[0])), isName(String(parts[1])) else { return nil }
        return OperationReference(service: String(parts[0]), operation: String(parts[1]))
    }

    /// DNS-1123 subdomain (names of Secrets, IngressClasses, Gateways): dot-separated DNS labels,
    /// at most 253 characters.
    static func isSubdomain(_ text: String) -> Bool {
        text.utf8.count <= 253
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isName(String($0))
            }
    }

    /// A host name an Ingress rule or HTTPRoute matches: a DNS-1123 subdomain, optionally after
    /// a `*.` wildcard label, and not an IPv4 address (both APIs refuse IPs).
    static func isHostname(_ text: String) -> Bool {
        let name = text.hasPrefix("*.") ? String(text.dropFirst(2)) : text
        let isAddress = name.split(separator: ".").allSatisfy { $0.utf8.allSatisfy(isDigit) }
        return isSubdomain(name) && !isAddress
    }

    /// An absolute path: starts with `/`, no spaces, no `..` or empty segments, no query.
    static func isPath(_ text: String) -> Bool {
        guard text.hasPrefix("/") else { return false }
        if text == "/" { return true }
        let segments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty && segment != ".." && segment != "."
                && segment.unicodeScalars.allSatisfy {
                    $0.isASCII && $0.value > 32 && !"?#%\\".unicodeScalars.contains($0)
                }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
