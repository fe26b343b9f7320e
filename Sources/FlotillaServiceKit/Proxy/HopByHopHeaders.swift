import HTTPTypes
import NIOHTTP1

/// Header fields that describe one connection rather than the message (RFC 9110 §7.6.1), so a
/// proxy must not forward them in either direction: `Connection`, `Keep-Alive`, `TE`, `Trailer`,
/// `Transfer-Encoding`, `Upgrade`, every `Proxy-*` field, and any field the `Connection` header
/// names. `Content-Length` is also left out: the proxy frames each side's body itself.
public enum HopByHopHeaders {
    static let fixed: Set<String> = [
        "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
    ]

    /// Whether a field named `name` (any case) is connection-specific.
    public static func isHopByHop(_ name: String, listed: Set<String> = []) -> Bool {
        isHopByHop(lowercased: name.lowercased(), listed: listed)
    }

    static func isHopByHop(lowercased name: String, listed: Set<String>) -> Bool {
        fixed.contains(name) || name.hasPrefix("proxy-") || (!listed.isEmpty && listed.contains(name))
    }

    /// The lower-cased field names a `Connection` header lists (`Connection: close, X-Foo`).
    static func listed<Values: Sequence<String>>(in connectionValues: Values) -> Set<String> {
        var names = Set<String>()
        for value in connectionValues {
            for token in value.split(separator: ",") {
                names.insert(token.trimmingSpaces().lowercased())
            }
        }
        return names
    }

    /// The end-to-end fields of an incoming request, as AsyncHTTPClient headers.
    static func forwardable(_ fields: HTTPFields) -> HTTPHeaders {
        let listed = listed(in: fields[values: .connection])
        var headers = HTTPHeaders()
        headers.reserveCapacity(fields.count + 4)
        for field in fields where !isHopByHop(lowercased: field.name.canonicalName, listed: listed) {
            headers.add(name: field.name.rawName, value: field.value)
        }
        return headers
    }

    /// The end-to-end fields of an upstream response, as HTTP fields.
    static func forwardable(_ headers: HTTPHeaders) -> HTTPFields {
        let listed = listed(in: headers["connection"])
        var fields = HTTPFields()
        fields.reserveCapacity(headers.count)
        for (name, value) in headers where !isHopByHop(name, listed: listed) {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return fields
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var trimmed = self
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed
    }
}
