import Hummingbird
import NIOCore

/// The request context of every Flotilla service: Hummingbird's core storage plus the request id,
/// the client's socket address, and JSON coding that reports field-level problems.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The socket peer (never a header), for rate limiting and logs.
    public let remoteAddress: SocketAddress?
    /// The request id: a valid incoming `X-Request-Id`, or a new one.
    public var requestID: String = ""

    /// Creates a context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are limited by ``BodyLimitMiddleware`` as they stream, so collecting may take all of it.
    public var maxUploadSize: Int { Int.max }

    /// JSON decoding that turns type and key errors into 400 problems naming the field.
    public var requestDecoder: ProblemReportingJSONDecoder { ProblemReportingJSONDecoder() }
}
