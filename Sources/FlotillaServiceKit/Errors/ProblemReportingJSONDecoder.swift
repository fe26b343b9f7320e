import FlotillaContracts
import Foundation
import Hummingbird

/// Decodes JSON request bodies; every failure becomes a 4xx ``ProblemError``: 415 for a body
/// that is not JSON, 400 with the offending field's path for malformed JSON or wrong types.
public struct ProblemReportingJSONDecoder: RequestDecoder {
    /// Creates a decoder.
    public init() {}

    /// Decodes `type` from the request body.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws
        -> T
    {
        if let contentType = request.headers[.contentType], !Self.isJSON(contentType) {
            throw ProblemError(
                .unsupportedMediaType, "expected a JSON body (Content-Type: application/json), got '\(contentType)'")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        }
    }

    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return media == "application/json" || media.hasSuffix("+json")
    }

    /// A 400 naming the field: `items[0].quantity: expected a number`.
    static func problem(for error: DecodingError) -> ProblemError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        let field: String
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            field = path(context.codingPath)
            message = "expected \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            field = path(context.codingPath)
            message = "expected \(Self.describe(type)), found null"
        case .keyNotFound(let key, let context):
            field = path(context.codingPath + [key])
            message = "is required"
        case .dataCorrupted(let context):
            field = path(context.codingPath)
            message = context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription
        @unknown default:
            field = ""
            message = "the body could not be read"
        }
        let detail = field.isEmpty ? message : "\(field): \(message)"
        return ProblemError(
            .badRequest, detail, fields: [FieldProblem(field: field.isEmpty ? "$" : field, message: message)])
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is Int64.Type, is UInt.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }
}
