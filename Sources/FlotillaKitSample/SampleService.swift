import FlotillaServiceKit
import Foundation
import Hummingbird

/// The smallest service on the kit, and the template for new ones: its own database and a few
/// routes, nothing else.
/// Tests use it as a real process (graceful shutdown, healthcheck); `bench/service.sh` measures
/// start-up, idle memory and the kit's per-request cost with it. `--bare` serves the same
/// `/hello` on plain Hummingbird, without the kit, as the benchmark's baseline.
@main
enum SampleService {
    struct Message: Codable { var message: String }

    static func main() async throws {
        if CommandLine.arguments.dropFirst().first == "--bare" {
            try await bare()
            return
        }
        await ServiceMain.run(service: "sample", version: "0.1.0") { configuration in
            let host = ServiceHost(configuration: configuration)
            _ = try await host.openDatabase(named: "sample", migrations: [])
            host.routes.get("/hello") { _, _ in JSONResponse.make(["hello": "world"]) }
            host.routes.get("/slow") { request, _ in
                let milliseconds = request.uri.queryParameters.get("ms", as: Int.self) ?? 100
                try await Task.sleep(for: .milliseconds(min(max(milliseconds, 0), 30_000)))
                return JSONResponse.make(["slept": milliseconds])
            }
            host.routes.post("/echo") { request, context in
                let message = try await request.decode(as: Message.self, context: context)
                return JSONResponse.make(message)
            }
            return host
        }
    }

    /// Plain Hummingbird: the same `/hello` with no middleware, on HTTP_PORT.
    static func bare() async throws {
        let port = ProcessInfo.processInfo.environment["HTTP_PORT"].flatMap(Int.init) ?? 8080
        let router = Router()
        router.get("/hello") { _, _ in JSONResponse.make(["hello": "world"]) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
