import AsyncHTTPClient
import FlotillaContracts
import Foundation
import NIOCore
import NIOHTTP1

/// A shop user talking to the gateway over HTTP, as a browser or app would.
struct ShopClient: Sendable {
    let base: String
    var token: String?

    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try ContractCoding.decoder().decode(T.self, from: body)
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func send(_ method: HTTPMethod, _ path: String, json: (some Encodable)? = Optional<String>.none) async throws
        -> Reply
    {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try ContractCoding.encoder().encode(json)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: body))
    }

    /// Polls `path` until `accept` holds for the reply (or the bound passes); returns the last reply.
    func poll(_ path: String, within bound: Duration = .seconds(30), until accept: (Reply) throws -> Bool)
        async throws -> Reply
    {
        let deadline = ContinuousClock.now.advanced(by: bound)
        var reply = try await send(.GET, path)
        while try !accept(reply), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            reply = try await send(.GET, path)
        }
        return reply
    }
}
