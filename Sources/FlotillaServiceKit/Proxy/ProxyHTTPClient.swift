import AsyncHTTPClient
import NIOPosix

/// The HTTP client of a proxying service (the gateway), to hand to ``ServiceHost``.
///
/// Tuned for forwarding many concurrent requests to a few upstreams, unlike `HTTPClient.shared`:
/// - it runs on `MultiThreadedEventLoopGroup.singleton`, the group Hummingbird's server uses, so
///   inbound and outbound connections share threads;
/// - up to 1 024 kept-alive HTTP/1.1 connections per upstream host (AsyncHTTPClient's default
///   soft limit of 8 queues requests behind them), idle ones closed after 60 s;
/// - redirects are never followed (a proxy returns them to the client) and bodies are never
///   decompressed;
/// - no client span of its own: the caller propagates its trace context explicitly.
public enum ProxyHTTPClient {
    /// Kept-alive connections per upstream host.
    public static let connectionsPerHost = 1_024

    /// One per process; never shut down (like `HTTPClient.shared`).
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(2)),
            connectionPool: .init(
                idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost),
            decompression: .disabled)
        configuration.httpVersion = .http1Only
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
