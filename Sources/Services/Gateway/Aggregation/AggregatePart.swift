import FlotillaContracts
import FlotillaServiceKit
import Foundation
import HTTPTypes
import Hummingbird

/// What one upstream call of an aggregated view gave.
enum AggregatePart<Value: Sendable>: Sendable {
    /// The decoded answer.
    case value(Value)
    /// A 4xx answer about the request itself (403, 404 …), passed through as the whole answer.
    case refused(ServiceResponse)
    /// Nothing usable: the call failed, timed out, was rejected by a breaker, or answered 5xx,
    /// 408, 429 or an undecodable body.
    case missing

    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// A list an upstream returns either as a page (`{"items": […], …}`) or as a bare array.
struct ItemList<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]

    private struct Envelope: Decodable {
        var items: [Item]
    }

    init(from decoder: any Decoder) throws {
        if let array = try? [Item](from: decoder) {
            items = array
        } else {
            items = try Envelope(from: decoder).items
        }
    }
}

/// Fetches the parts of aggregated views in parallel through the kit's client (each with its
/// dependency's resilience pipeline), always on behalf of the caller: the verified user and the
/// request id go with every call.
struct Aggregator: Sendable {
    let client: ServiceClient
    /// Items asked for per list.
    let limit: Int

    func fetch<Value: Decodable & Sendable>(
        _ type: Value.Type, from service: String, _ path: String, user: String, requestID: String
    ) async -> AggregatePart<Value> {
        let response: ServiceResponse
        do {
            response = try await client.send(
                service, .get, path, headers: [GatewayMiddleware.user: user], requestID: requestID)
        } catch {
            return .missing
        }
        switch response.status.code {
        case 200..<300:
            guard let value = try? ContractCoding.decoder().decode(Value.self, from: Data(buffer: response.body))
            else { return .missing }
            return .value(value)
        case 408, 429:
            return .missing
        case 400..<500:
            return .refused(response)
        default:
            return .missing
        }
    }

    /// The answer for a view: the first part's refusal passed through as it came; 502 when every
    /// part is missing; else 200 with the view, naming the missing parts in `X-Flotilla-Partial`.
    static func answer(
        _ view: some Encodable, missing: [String], of parts: Int, refusal: ServiceResponse?
    ) throws(ProblemError) -> Response {
        if let refusal {
            var headers = HTTPFields()
            headers[.contentType] = refusal.headers[.contentType]
            return Response(status: refusal.status, headers: headers, body: .init(byteBuffer: refusal.body))
        }
        guard missing.count < parts else {
            throw ProblemError(.badGateway, "none of the parts could be fetched: \(missing.joined(separator: ", "))")
        }
        var response = JSONResponse.make(view)
        if !missing.isEmpty { response.headers[partial] = missing.joined(separator: ",") }
        return response
    }

    static let partial = HTTPField.Name(ShopHeaders.partial)!
}
