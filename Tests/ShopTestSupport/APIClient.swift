import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// JSON calls against a service under test, made the way the gateway and the orders saga make them.
public struct APIClient: Sendable {
    /// The in-process or live test client.
    public let client: any TestClientProtocol

    /// Wraps a test client.
    public init(client: any TestClientProtocol) { self.client = client }

    /// `GET uri`, as `user` (the gateway's `X-Flotilla-User`) when given.
    public func get(_ uri: String, as user: UUID? = nil) async throws -> TestResponse {
        try await send(.get, uri, body: nil, as: user)
    }

    /// `POST uri` with `body` encoded as JSON.
    public func post(_ uri: String, _ body: some Encodable & Sendable, as user: UUID? = nil) async throws
        -> TestResponse
    {
        try await send(.post, uri, body: ByteBuffer(bytes: try JSONEncoder().encode(body)), as: user)
    }

    /// `POST uri` with a raw JSON text (for malformed bodies).
    public func post(_ uri: String, json: String, as user: UUID? = nil) async throws -> TestResponse {
        try await send(.post, uri, body: ByteBuffer(string: json), as: user)
    }

    /// `PATCH uri` with `body` encoded as JSON.
    public func patch(_ uri: String, _ body: some Encodable & Sendable, as user: UUID? = nil) async throws
        -> TestResponse
    {
        try await send(.patch, uri, body: ByteBuffer(bytes: try JSONEncoder().encode(body)), as: user)
    }

    /// `DELETE uri`.
    public func delete(_ uri: String, as user: UUID? = nil) async throws -> TestResponse {
        try await send(.delete, uri, body: nil, as: user)
    }

    private func send(_ method: HTTPRequest.Method, _ uri: String, body: ByteBuffer?, as user: UUID?) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let user, let name = HTTPField.Name(ShopHeaders.user) { headers[name] = user.uuidString.lowercased() }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    /// The body decoded with the contract coding.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try ContractCoding.decoder().decode(T.self, from: Data(buffer: body))
    }

    /// The problem-details body.
    public func problem() throws -> ProblemDetails { try decode(ProblemDetails.self) }
}
