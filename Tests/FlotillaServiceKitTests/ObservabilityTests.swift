import FlotillaContracts
import FlotillaTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import FlotillaServiceKit

/// Log lines, discovery sources, and OTLP export to a real HTTP receiver.
@Suite("Observability and discovery")
struct ObservabilityTests {
    @Test func logLinesAreOneJSONObjectWithIdentityAndContext() throws {
        let lines = Mutex<[String]>([])
        let sink = LogSink { line in lines.withLock { $0.append(line) } }
        let provider = Logger.MetadataProvider { ["trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"] }
        var logger = Logger(label: "orders") { label in
            JSONLogHandler(
                label: label, service: "orders", instance: "orders-1", level: .info, metadataProvider: provider,
                sink: sink)
        }
        logger[metadataKey: "request_id"] = "r-1"
        logger.info("charged \"card\"\nnext line", metadata: ["amount": "42", "items": ["a", "b"]])
        logger.debug("below the level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["service"] == "orders")
        #expect(object["instance"] == "orders-1")
        #expect(object["level"] == "info")
        #expect(object["message"] == "charged \"card\"\nnext line")
        #expect(object["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(object["request_id"] == "r-1")
        #expect(object["items"] == "[a, b]")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }

    @Test func registryDiscoveryReadsReadyInstances() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID()).json").path
        let registry = LocalRegistry(
            system: "shop", supervisorPid: 1, updatedAt: Date(),
            instances: [
                RegisteredInstance(
                    service: "users", instance: "users-1", pid: 2, baseURL: "http://127.0.0.1:8081",
                    adminURL: "http://127.0.0.1:9081",
                    state: .ready, restarts: 0, logFile: "users-1.log"),
                RegisteredInstance(
                    service: "users", instance: "users-2", pid: 3, baseURL: "http://127.0.0.1:8181",
                    adminURL: "http://127.0.0.1:9181",
                    state: .starting, restarts: 0, logFile: "users-2.log"),
            ])
        try ContractCoding.encoder().encode(registry).write(to: URL(fileURLWithPath: path))
        let discovery = Discovery(mode: .registry(path: path))
        #expect(await discovery.endpoints(of: "users") == ["http://127.0.0.1:8081"])
        #expect(await discovery.endpoints(of: "orders").isEmpty)
    }

    @Test func kubernetesDiscoveryResolvesNamesWithPorts() async {
        let discovery = Discovery(mode: .kubernetes(["users": "localhost:8081"]))
        #expect(await discovery.endpoints(of: "users") == ["http://127.0.0.1:8081"])
        #expect(await DNSResolver.urls(for: "no-such-host.invalid:80").isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func spansAreExportedOverOTLPWhenAnEndpointIsSet() async throws {
        let received = Mutex<[(path: String, contentType: String?, bytes: Int)]>([])
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            received.withLock { $0.append((request.uri.path, request.headers[.contentType], body.readableBytes)) }
            return Response(status: .ok)
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { collector in
                let port = try #require(collector.port)
                let http = LoopbackPort.free()
                let admin = LoopbackPort.free()
                let process = try RunningProcess(
                    ChildProcess.builtProduct("flotilla-kit-sample"),
                    environment: [
                        "HTTP_PORT": "\(http)", "ADMIN_PORT": "\(admin)", "FLOTILLA_BIND": "127.0.0.1",
                        "LOG_LEVEL": "error",
                        "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:\(port)", "OTEL_BSP_SCHEDULE_DELAY": "100",
                        "FLOTILLA_DATA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent(
                            "otlp-\(UUID())"
                        ).path,
                    ])
                let deadline = ContinuousClock.now.advanced(by: .seconds(30))
                while ContinuousClock.now < deadline, received.withLock({ $0.isEmpty }) {
                    _ = try? await ChildProcess.run("/usr/bin/env", ["curl", "-fs", "http://127.0.0.1:\(http)/hello"])
                    try await Task.sleep(for: .milliseconds(200))
                }
                process.signal(SIGTERM)
                _ = await process.waitForExit(timeout: .seconds(15))
                let first = received.withLock { $0.first }
                #expect(first?.path == "/v1/traces", "\(process.output)")
                #expect(first?.contentType == "application/x-protobuf")
                #expect((first?.bytes ?? 0) > 0)
            }
    }
}
