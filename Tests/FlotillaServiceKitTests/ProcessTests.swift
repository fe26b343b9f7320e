import AsyncHTTPClient
import FlotillaContracts
import FlotillaTesting
import Foundation
import NIOCore
import Testing

/// The sample service as a real process on loopback: start-up, healthcheck subcommand, bad
/// configuration, hostile input, and graceful shutdown under load.
@Suite("Service process", .serialized)
struct ProcessTests {
    static let binary = ChildProcess.builtProduct("flotilla-kit-sample")

    struct Instance {
        let process: RunningProcess
        let http: Int
        let admin: Int
        var base: String { "http://127.0.0.1:\(http)" }
    }

    func start() async throws -> Instance {
        let http = LoopbackPort.free()
        let admin = LoopbackPort.free()
        let process = try RunningProcess(
            Self.binary,
            environment: [
                "HTTP_PORT": "\(http)", "ADMIN_PORT": "\(admin)", "FLOTILLA_BIND": "127.0.0.1", "LOG_LEVEL": "warning",
                "FLOTILLA_DRAIN": "10s",
            ])
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline {
            if let status = try? await get("http://127.0.0.1:\(admin)/health/ready").status, status == 200 {
                return Instance(process: process, http: http, admin: admin)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("sample never became ready: \(process.output)")
        throw CancellationError()
    }

    func get(_ url: String, headers: [(String, String)] = []) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    @Test func sigtermDrainsEveryAcceptedRequest() async throws {
        let instance = try await start()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = client.shutdown() }
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let request = HTTPClientRequest(url: "\(instance.base)/slow?ms=1500")
                    return Int(try await client.execute(request, timeout: .seconds(30)).status.code)
                }
            }
            try await waitUntilInFlight(20, admin: instance.admin)
            instance.process.signal(SIGTERM)
            try await Task.sleep(for: .milliseconds(200))
            let readiness = try? await get("http://127.0.0.1:\(instance.admin)/health/ready").status
            #expect(readiness != 200, "readiness must turn false while draining")
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
        #expect(results == Array(repeating: 200, count: 20))
        #expect(await instance.process.waitForExit(timeout: .seconds(15)) == 0, "\(instance.process.output)")
    }

    /// Waits until the instance reports `count` requests in flight: all of them accepted.
    func waitUntilInFlight(_ count: Int, admin: Int) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while ContinuousClock.now < deadline {
            let body = try await get("http://127.0.0.1:\(admin)/_flotilla/status").body
            let snapshot = try ContractCoding.decoder().decode(StatusSnapshot.self, from: Data(body.utf8))
            if snapshot.traffic.inFlight >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the requests never were all in flight")
    }

    @Test func healthcheckSubcommandProbesTheAdminPort() async throws {
        let instance = try await start()
        let healthy = try await ChildProcess.run(Self.binary, ["healthcheck", "--port", "\(instance.admin)"])
        #expect(healthy.status == 0)
        #expect(healthy.standardOutput.contains("ready"))
        instance.process.signal(SIGTERM)
        _ = await instance.process.waitForExit(timeout: .seconds(15))
        let down = try await ChildProcess.run(Self.binary, ["healthcheck", "--port", "\(instance.admin)"])
        #expect(down.status == 1)
    }

    @Test func aBadSettingStopsStartUpWithOneLine() async throws {
        let result = try await ChildProcess.runWithEnvironment(Self.binary, [], environment: ["HTTP_PORT": "eighty"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "sample: configuration error: HTTP_PORT: 'eighty' is not a port number (use 1–65535, or 0 for any free port)\n"
        )
    }

    @Test func hostileInputNeverCausesA5xxOrACrash() async throws {
        let instance = try await start()
        let hostile: [(String, [(String, String)])] = [
            ("/hello", [("X-Huge", String(repeating: "a", count: 120_000))]),
            ("/hello", [("traceparent", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-zz")]),
            ("/%2e%2e/%2e%2e/etc/passwd", []),
            ("/hello?\(String(repeating: "q=1&", count: 5_000))", []),
            ("/echo", [("Content-Type", "application/json")]),
        ]
        for (path, headers) in hostile {
            if let status = try? await get(instance.base + path, headers: headers).status {
                #expect(status < 500, "\(path) answered \(status)")
            }
        }
        #expect(try await get("\(instance.base)/hello").status == 200)
        instance.process.signal(SIGTERM)
        #expect(await instance.process.waitForExit(timeout: .seconds(15)) == 0)
    }
}
