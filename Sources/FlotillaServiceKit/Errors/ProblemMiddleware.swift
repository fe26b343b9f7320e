import FlotillaContracts
import FlotillaResilience
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an RFC 9457 problem-details response carrying the request id: the
/// kit's own ``ProblemError``s, Hummingbird's HTTP errors (404 becomes 405 with `Allow` when the
/// path exists for other methods), resilience rejections (503/504), and anything else as a 500
/// that is logged but never leaks internals.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return problemResponse(for: error, request: request, context: context)
        }
    }

    func problemResponse(for error: any Error, request: Request, context: Context) -> Response {
        let problem = classify(error, request: request, context: context)
        if problem.status.code >= 500 {
            context.logger.error("request failed", metadata: ["error": "\(error)", "status": "\(problem.status.code)"])
        }
        return ProblemResponse.make(problem, path: request.uri.path, requestID: context.requestID)
    }

    private func classify(_ error: any Error, request: Request, context: Context) -> ProblemError {
        switch error {
        case let problem as ProblemError:
            return problem
        case let resilience as ResilienceError:
            return Self.problem(for: resilience)
        case let http as HTTPError where http.status == .notFound:
            let allowed = routes.methods(matching: request.uri.path)
            guard !allowed.isEmpty else {
                return ProblemError(.notFound, "no route for \(request.method) \(request.uri.path)")
            }
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return ProblemError(.methodNotAllowed, "\(request.method) is not allowed here", headers: headers)
        case let http as HTTPError:
            return ProblemError(http.status, http.body ?? http.status.reasonPhrase)
        case let decoding as DecodingError:
            return ProblemReportingJSONDecoder.problem(for: decoding)
        default:
            return ProblemError(
                .internalServerError, "an internal error occurred; quote the request id when reporting it")
        }
    }

    static func problem(for error: ResilienceError) -> ProblemError {
        switch error {
        case .circuitOpen(let name, _, let retryAfter):
            var headers = HTTPFields()
            if let retryAfter { headers[.retryAfter] = "\(max(1, Int((retryAfter.components.seconds))))" }
            return ProblemError(
                .serviceUnavailable, "'\(name)' is unavailable: its circuit breaker is open", headers: headers)
        case .bulkheadFull(let name, _, _), .bulkheadQueueTimeout(let name, _):
            return ProblemError(.serviceUnavailable, "'\(name)' is at its concurrency limit; try again shortly")
        case .timedOut(let name, _), .deadlineExceeded(let name):
            return ProblemError(.gatewayTimeout, "'\(name)' did not answer in time")
        }
    }
}

/// Builds problem-details responses.
public enum ProblemResponse {
    /// The response for `problem`, as `application/problem+json` with the request id.
    public static func make(_ problem: ProblemError, path: String, requestID: String) -> Response {
        let body = ProblemDetails(
            title: problem.status.reasonPhrase, status: problem.status.code, detail: problem.detail, instance: path,
            requestId: requestID.isEmpty ? nil : requestID, errors: problem.fields.isEmpty ? nil : problem.fields)
        var headers = problem.headers
        headers[.contentType] = ProblemDetails.mediaType
        if !requestID.isEmpty { headers[RequestIdentity.header] = requestID }
        let data = (try? ContractCoding.encoder().encode(body)) ?? Data()
        return Response(status: problem.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
