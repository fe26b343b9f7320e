import FlotillaContracts
import FlotillaSpec
import FlotillaTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import FlotillaServiceKit

/// Shared helpers for the kit's tests.
enum Kit {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test process's tracer, bootstrapped once (as a service process does at start).
    static let tracing: Void = { _ = try? Observability.bootstrapTracing(.testing(service: "tests")) }()

    /// A host for `service` with a few routes of every shape the tests need.
    static func host(_ service: String = "orders", configure: (inout ServiceConfiguration) -> Void = { _ in })
        -> ServiceHost
    {
        _ = tracing
        var configuration = ServiceConfiguration.testing(service: service)
        configure(&configuration)
        let host = ServiceHost(configuration: configuration)
        host.routes.get("/orders/:id") { _, context in
            JSONResponse.make(["id": context.parameters.get("id") ?? ""])
        }
        host.routes.post("/orders") { request, context in
            let order = try await request.decode(as: NewOrder.self, context: context)
            return JSONResponse.make(order, status: .created)
        }
        host.routes.get("/boom") { _, _ -> Response in throw InternalFailure() }
        host.health.enter(.running)
        return host
    }

    struct NewOrder: Codable {
        var item: String
        var quantity: Int
    }
    struct InternalFailure: Error, CustomStringConvertible { var description: String { "secret internal detail" } }

    /// A problem-details body.
    static func problem(_ response: TestResponse) throws -> ProblemDetails {
        try ContractCoding.decoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
    }

    /// Runs a Python checker from scripts/checks with the project's tool venv; returns its result.
    static func python(_ script: String, _ arguments: [String], input: String) async throws -> ChildProcess.Result {
        let python = try await ChildProcess.run(repository.appendingPathComponent("scripts/python-tools.sh").path, [])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await ChildProcess.run(
            python, [repository.appendingPathComponent("scripts/checks/\(script)").path] + arguments, input: input)
    }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

extension HTTPFields {
    static let json: HTTPFields = [.contentType: "application/json"]
}
