import FlotillaResilience
import HTTPTypes
import Hummingbird

/// Adopts the caller's remaining time budget (`X-Flotilla-Deadline-Ms`) as the request's
/// deadline, so nested calls share one budget instead of each starting a fresh timeout.
/// Values outside 1 ms…5 min are ignored: a malformed header must not shorten or stretch work.
struct DeadlineMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let header = HTTPField.Name(ServiceClient.deadlineHeader)!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let text = request.headers[Self.header], let milliseconds = Int64(text),
            (1...300_000).contains(milliseconds)
        else { return try await next(request, context) }
        return try await Deadline.withTimeout(.milliseconds(milliseconds), on: ContinuousClock()) {
            try await next(request, context)
        }
    }
}
