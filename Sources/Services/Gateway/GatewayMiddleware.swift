import FlotillaContracts
import FlotillaResilience
import FlotillaServiceKit
import HTTPTypes
import Hummingbird

/// The gateway's request path, run after the kit's middleware (request id, metrics, tracing,
/// problems, deadline, faults, body limit) for every public request:
///
/// 1. the path check (400 for traversal and encoding tricks), before any routing;
/// 2. CORS preflights, answered here;
/// 3. every `X-Flotilla-*` header from the client is dropped (only the gateway sets them);
/// 4. the gateway's own endpoints (aggregations) get a verified user and the limit of the route
///    their path falls under, then run their handler; other paths go to the longest matching
///    spec route — token check when the route needs one, rate limit, then streamed to the
///    upstream — or, matching none, on to the router's 404/405.
///
/// Problems raised here are answered here, so they carry the CORS and rate-limit fields too.
struct GatewayMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let table: GatewayRouteTable
    let authentication: BearerAuthentication
    let cors: CORSPolicy
    let trustedProxies: TrustedProxies
    let client: ServiceClient

    static let user = HTTPField.Name(ShopHeaders.user)!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var limited: (RouteRateLimit, RateLimitDecision)?
        var response: Response
        do {
            response = try await route(request, context: context, limited: &limited, next: next)
        } catch let problem as ProblemError {
            response = ProblemResponse.make(problem, path: request.uri.path, requestID: context.requestID)
        }
        if let (limit, decision) = limited, decision.isAllowed { limit.annotate(&response.headers, with: decision) }
        if cors.isEnabled { cors.annotate(&response.headers, origin: request.headers[.origin]) }
        return response
    }

    private func route(
        _ request: Request, context: Context, limited: inout (RouteRateLimit, RateLimitDecision)?,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if let reason = RequestPathCheck.problem(in: path) { throw ProblemError(.badRequest, reason) }
        if cors.isEnabled, cors.isPreflight(request.head) {
            return Response(status: .noContent, headers: try cors.preflight(request.head))
        }
        var headers = request.headers
        Self.dropInternalHeaders(&headers)
        let match = table.match(path)
        if context.endpointPath != nil {
            // One of the gateway's own endpoints: always behind a token.
            let user = try authentication.subject(of: headers)
            if let limit = match?.route.rateLimit { limited = try admit(limit, user: user, request, context) }
            headers[Self.user] = user
            var head = request.head
            head.headerFields = headers
            return try await next(Request(head: head, body: request.body), context)
        }
        guard let (route, remainder) = match else { return try await next(request, context) }
        context.coreContext.endpointPath.value = route.label
        let user = route.requiresAuth ? try authentication.subject(of: headers) : nil
        if let limit = route.rateLimit { limited = try admit(limit, user: user, request, context) }
        if let user { headers[Self.user] = user }
        ForwardedHeaders.apply(
            to: &headers, peer: context.remoteAddress, peerIsTrusted: trustedProxies.contains(context.remoteAddress),
            authority: request.head.authority)
        return try await forward(request, headers: headers, to: route, remainder: remainder, context: context)
    }

    /// Applies `limit` to the request, keyed by the verified user when the policy says so and
    /// there is one, else by the client address; throws the 429 when refused.
    private func admit(_ limit: RouteRateLimit, user: String?, _ request: Request, _ context: Context)
        throws(ProblemError) -> (RouteRateLimit, RateLimitDecision)
    {
        let subject: String
        if limit.keyedByUser, let user {
            subject = user
        } else {
            subject = trustedProxies.clientAddress(
                peer: context.remoteAddress, forwardedFor: request.headers[ForwardedHeaders.forwardedFor])
        }
        let decision = limit.decide(subject)
        guard decision.isAllowed else { throw limit.refusal(decision) }
        return (limit, decision)
    }

    private func forward(
        _ request: Request, headers: HTTPFields, to route: GatewayRoute, remainder: Substring, context: Context
    ) async throws -> Response {
        let length = headers[.contentLength].flatMap(Int.init)
        let hasBody = (length ?? 0) > 0 || (length == nil && headers[.transferEncoding] != nil)
        let upstream: UpstreamResponse
        do {
            upstream = try await client.stream(
                route.service,
                UpstreamRequest(
                    method: request.method,
                    pathAndQuery: route.upstreamTarget(remainder: remainder, query: request.uri.query),
                    headers: headers, body: hasBody ? request.body : nil, bodyLength: length,
                    requestID: context.requestID))
        } catch {
            throw ProblemError(proxying: error, to: route.service)
        }
        return Response(status: upstream.status, headers: upstream.headers, body: upstream.responseBody)
    }

    /// Removes every `X-Flotilla-*` field: identity and other internal headers come only from the gateway.
    static func dropInternalHeaders(_ headers: inout HTTPFields) {
        guard headers.contains(where: { $0.name.canonicalName.hasPrefix("x-flotilla-") }) else { return }
        headers.removeAll { $0.name.canonicalName.hasPrefix("x-flotilla-") }
    }
}
