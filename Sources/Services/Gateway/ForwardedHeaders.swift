import HTTPTypes
import NIOCore

/// `X-Forwarded-For`, `-Proto` and `-Host` for an upstream request. From a trusted proxy the
/// incoming values are kept and the peer is appended to `X-Forwarded-For`; from anyone else they
/// are replaced: the peer's address, `http` (the gateway itself speaks plain HTTP) and the
/// request's own `Host`.
enum ForwardedHeaders {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!

    static func apply(
        to headers: inout HTTPFields, peer: SocketAddress?, peerIsTrusted: Bool, authority: String?
    ) {
        let peerText = peer?.ipAddress ?? "unknown"
        if peerIsTrusted {
            headers[forwardedFor] = headers[forwardedFor].map { $0 + ", " + peerText } ?? peerText
            if headers[forwardedProto] == nil { headers[forwardedProto] = "http" }
            if headers[forwardedHost] == nil, let authority { headers[forwardedHost] = authority }
        } else {
            headers[forwardedFor] = peerText
            headers[forwardedProto] = "http"
            if let authority { headers[forwardedHost] = authority } else { headers[forwardedHost] = nil }
        }
    }
}
