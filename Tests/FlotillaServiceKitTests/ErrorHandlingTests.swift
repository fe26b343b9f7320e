import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FlotillaServiceKit

/// Every error path of the public port answers RFC 9457 problem JSON with the request id.
@Suite("Errors and bad input")
struct ErrorHandlingTests {
    @Test func unknownRouteIs404Problem() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let response = try await client.execute(uri: "/nope", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try Kit.problem(response)
            #expect(problem.status == 404)
            #expect(problem.detail == "no route for GET /nope")
            #expect(problem.requestId == response.headers[HTTPField.Name("X-Request-Id")!])
            #expect(problem.instance == "/nope")
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let response = try await client.execute(uri: "/orders/7", method: .delete)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            let collection = try await client.execute(uri: "/orders", method: .get)
            #expect(collection.status == .methodNotAllowed)
            #expect(collection.headers[.allow] == "POST")
        }
    }

    @Test func malformedJSONAndWrongTypesName400Fields() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let broken = try await client.execute(
                uri: "/orders", method: .post, headers: .json, body: .json("{\"item\": "))
            #expect(broken.status == .badRequest)
            #expect(try Kit.problem(broken).detail == "the body is not valid JSON")
            let wrongType = try await client.execute(
                uri: "/orders", method: .post, headers: .json, body: .json(#"{"item": "tea", "quantity": "two"}"#))
            #expect(wrongType.status == .badRequest)
            #expect(
                try Kit.problem(wrongType).errors == [FieldProblem(field: "quantity", message: "expected a number")])
            let missing = try await client.execute(
                uri: "/orders", method: .post, headers: .json, body: .json(#"{"item": "tea"}"#))
            #expect(try Kit.problem(missing).errors?.first?.field == "quantity")
            let invalidUTF8 = try await client.execute(
                uri: "/orders", method: .post, headers: .json,
                body: ByteBuffer(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]))
            #expect(invalidUTF8.status == .badRequest)
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let response = try await client.execute(
                uri: "/orders", method: .post, headers: [.contentType: "text/plain"], body: .json("item=tea"))
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        let host = Kit.host { $0.maxBodyBytes = 1_024 }
        try await host.publicApplication().test(.router) { client in
            let big = String(repeating: "x", count: 4_096)
            let response = try await client.execute(
                uri: "/orders", method: .post, headers: .json, body: .json(#"{"item": "\#(big)", "quantity": 1}"#))
            #expect(response.status == .contentTooLarge)
            #expect(try Kit.problem(response).status == 413)
        }
    }

    @Test func internalErrorsAre500WithoutDetails() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            let text = String(buffer: response.body)
            #expect(!text.contains("secret internal detail"))
            #expect(try Kit.problem(response).requestId != nil)
        }
    }

    @Test func requestIDsAreKeptWhenWellFormedAndReplacedOtherwise() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            let id = HTTPField.Name("X-Request-Id")!
            let kept = try await client.execute(uri: "/orders/1", method: .get, headers: [id: "gateway-abc.123"])
            #expect(kept.headers[id] == "gateway-abc.123")
            let replaced = try await client.execute(
                uri: "/orders/1", method: .get, headers: [id: "bad id\u{7F}<script>"])
            #expect(replaced.headers[id] != nil && replaced.headers[id] != "bad id\u{7F}<script>")
            #expect(replaced.headers[id]?.count == 24)
        }
    }

    @Test func invalidTraceparentIsIgnored() async throws {
        try await Kit.host().publicApplication().test(.router) { client in
            for value in ["garbage", "00-zzzz-0000-01", String(repeating: "f", count: 4_000)] {
                let response = try await client.execute(
                    uri: "/orders/1", method: .get, headers: [HTTPField.Name("traceparent")!: value])
                #expect(response.status == .ok)
            }
        }
    }
}
