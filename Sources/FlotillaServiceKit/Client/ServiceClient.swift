import AsyncHTTPClient
import FlotillaResilience
import Foundation
import HTTPTypes
import Instrumentation
import NIOCore
import NIOHTTP1
import ServiceContextModule
import Synchronization
import Tracing

/// Calls other services: discovery, load balancing with passive ejection, the dependency's
/// resilience pipeline from the spec, and propagation of trace context, request id and deadline.
/// One shared AsyncHTTPClient pool serves every dependency.
public final class ServiceClient: Sendable {
    let http: HTTPClient
    let discovery: Discovery
    let policies: DependencyPolicies
    let balancers: [String: LoadBalancer]
    /// Largest response body read into memory.
    let maxResponseBytes = 8 << 20

    /// Header carrying the caller's remaining time budget in milliseconds.
    public static let deadlineHeader = "X-Flotilla-Deadline-Ms"

    init(http: HTTPClient, discovery: Discovery, policies: DependencyPolicies) {
        self.http = http
        self.discovery = discovery
        self.policies = policies
        self.balancers = policies.pipelines.mapValues { _ in LoadBalancer() }
    }

    /// Sends a request to `dependency` and returns its buffered response. Non-idempotent methods
    /// are retried only when the spec marks the call `retry.safe` (idempotency keys in use).
    public func send(
        _ dependency: String, _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:],
        body: ByteBuffer? = nil,
        requestID: String? = nil
    ) async throws -> ServiceResponse {
        let idempotent = Self.idempotentMethods.contains(method)
        let idempotency: Idempotency =
            idempotent ? .idempotent : (policies.retriesUnsafe[dependency] == true ? .markedSafe : .nonIdempotent)
        return try await call(
            dependency, method, idempotency: idempotency, classify: \.outcome, status: \.status.code,
            attempt: { endpoint, deadline in
                try await self.perform(method, endpoint + path, headers, body, requestID, deadline)
            })
    }

    /// Methods whose requests may be repeated without changing the outcome (RFC 9110 §9.2.2).
    static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .put, .delete, .options]

    /// One logical call to `dependency` under a client span: its resilience pipeline around
    /// attempts that each pick an instance (discovery, then the balancer) and report the outcome
    /// to the balancer (5xx and thrown errors count as failures of that instance).
    func call<Result: Sendable>(
        _ dependency: String, _ method: HTTPRequest.Method, idempotency: Idempotency,
        classify: @escaping @Sendable (Result) -> CallOutcome, status: @escaping @Sendable (Result) -> Int,
        attempt: @escaping @Sendable (_ endpoint: String, _ deadline: Deadline?) async throws -> Result
    ) async throws -> Result {
        guard let pipeline = policies.pipelines[dependency], let balancer = balancers[dependency] else {
            throw ServiceClientError.undeclaredDependency(dependency)
        }
        let attempts = AttemptCounter()
        return try await withSpan("\(method.rawValue) \(dependency)", ofKind: .client) { span in
            span.attributes["peer.service"] = dependency
            // The deadline travels as a value (no task-local write per call): the pipeline's own, or the caller's.
            let result = try await pipeline.execute(
                idempotency: idempotency, classify: classify, classifyError: ServiceClientError.outcome(of:)
            ) { (deadline: Deadline?) async throws -> Result in
                if attempts.next() > 1 { self.policies.recordRetry(dependency) }
                let endpoints = await self.discovery.endpoints(of: dependency)
                guard let endpoint = balancer.pick(from: endpoints) else {
                    throw ServiceClientError.noInstances(dependency)
                }
                do {
                    let result = try await attempt(endpoint, deadline)
                    balancer.record(endpoint, succeeded: status(result) < 500)
                    return result
                } catch {
                    balancer.record(endpoint, succeeded: false)
                    throw error
                }
            }
            span.attributes["http.response.status_code"] = status(result)
            return result
        }
    }

    private func perform(
        _ method: HTTPRequest.Method, _ url: String, _ headers: HTTPFields, _ body: ByteBuffer?, _ requestID: String?,
        _ deadline: Deadline?
    ) async throws -> ServiceResponse {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.rawValue)
        for field in headers { request.headers.add(name: field.name.rawName, value: field.value) }
        let remaining = try Self.propagate(into: &request.headers, requestID: requestID, deadline: deadline)
        if let body { request.body = .bytes(body) }
        let response = try await http.execute(request, timeout: .nanoseconds(remaining.nanoseconds))
        let collected = try await response.body.collect(upTo: maxResponseBytes)
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return ServiceResponse(
            status: HTTPResponse.Status(code: Int(response.status.code)), headers: fields, body: collected)
    }

    /// Adds what every attempt carries — the request id, the trace context and the remaining
    /// budget (`X-Flotilla-Deadline-Ms`) — and returns that budget, which also bounds the HTTP
    /// request itself (30 s when the caller has no deadline).
    static func propagate(into headers: inout HTTPHeaders, requestID: String?, deadline: Deadline?) throws -> Duration {
        if let requestID { headers.replaceOrAdd(name: "X-Request-Id", value: requestID) }
        InstrumentationSystem.instrument.inject(
            ServiceContext.current ?? .topLevel, into: &headers, using: HeadersInjector())
        let remaining = deadline?.remaining(on: ContinuousClock()) ?? .seconds(30)
        guard remaining > .zero else { throw ServiceClientError.deadlineExceeded }
        headers.replaceOrAdd(name: deadlineHeader, value: String(max(1, remaining.milliseconds)))
        return remaining
    }
}

/// A buffered response from another service.
public struct ServiceResponse: Sendable {
    /// Status.
    public var status: HTTPResponse.Status
    /// Headers.
    public var headers: HTTPFields
    /// Body.
    public var body: ByteBuffer

    /// Decodes the body as JSON.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: body))
    }

    /// How the resilience pipeline counts this response.
    var outcome: CallOutcome { .answer(status: status.code, retryAfter: headers[.retryAfter]) }
}

extension CallOutcome {
    /// How an HTTP answer counts: 5xx and 429 (with its `Retry-After` seconds) are failures of
    /// the dependency, anything else a success — a 4xx is the caller's problem.
    static func answer(status: Int, retryAfter: String?) -> CallOutcome {
        guard status >= 500 || status == 429 else { return .success }
        return .httpStatus(status, retryAfter: retryAfter.flatMap(Int.init).map { Duration.seconds($0) })
    }
}

/// Why a call could not be made.
public enum ServiceClientError: Error, CustomStringConvertible, Sendable {
    /// The dependency is not declared in the spec (calls, routes or saga steps).
    case undeclaredDependency(String)
    /// Discovery knows no instance of it.
    case noInstances(String)
    /// The caller's deadline has passed.
    case deadlineExceeded

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .undeclaredDependency(let name): "'\(name)' is not a declared dependency of this service"
        case .noInstances(let name): "no instance of '\(name)' is known to discovery"
        case .deadlineExceeded: "the request's deadline has passed"
        }
    }

    /// Connection-level errors are retryable failures; anything unknown is a plain failure.
    static func outcome(of error: any Error) -> CallOutcome {
        if let resilience = error as? ResilienceError { return resilience.outcome }
        if error is CancellationError { return .ignored }
        if let client = error as? ServiceClientError {
            if case .deadlineExceeded = client { return .timeout }
            return .connectionFailure
        }
        if let http = error as? HTTPClientError,
            http == .deadlineExceeded || http == .readTimeout || http == .connectTimeout
        {
            return .timeout
        }
        return .connectionFailure
    }
}

/// Counts attempts of one logical call.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)
    func next() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Writes trace context into AsyncHTTPClient headers.
struct HeadersInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout HTTPHeaders) {
        carrier.replaceOrAdd(name: key, value: value)
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
