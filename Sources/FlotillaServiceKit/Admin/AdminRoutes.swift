import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird
import Prometheus

/// The admin port's routes: health, metrics, status, and the token-protected mutating calls.
/// See docs/status.md for the contract.
struct AdminRoutes {
    let routes: ServiceRoutes
    let reporter: StatusReporter
    let metrics: PrometheusCollectorRegistry
    let adminToken: String?

    func register() {
        routes.get("/health/live") { _, _ in JSONResponse.make(["status": "alive"]) }
        routes.get("/health/ready") { _, _ in
            let report = await reporter.health.report()
            return JSONResponse.make(report, status: report.isReady ? .ok : .serviceUnavailable)
        }
        routes.get("/health") { _, _ in
            let report = await reporter.health.report()
            return JSONResponse.make(report, status: report.isReady ? .ok : .serviceUnavailable)
        }
        routes.get("/metrics") { _, _ in
            reporter.dependencies.exportGauges()
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        routes.get("/_flotilla/status") { _, _ in JSONResponse.make(await reporter.snapshot()) }
        registerMutating()
    }

    private func registerMutating() {
        routes.post("/_flotilla/breakers/:dependency/:action") { request, context in
            try authorize(request, context, action: "breaker")
            let name = context.parameters.get("dependency") ?? ""
            let action = context.parameters.get("action") ?? ""
            guard let breaker = reporter.dependencies.pipelines[name]?.breaker else {
                throw ProblemError(.notFound, "no breaker for dependency '\(name)'")
            }
            switch action {
            case "trip": breaker.forceOpen()
            case "reset": breaker.reset()
            default: throw ProblemError(.notFound, "unknown breaker action '\(action)'; use trip or reset")
            }
            reporter.events.record(.warning, kind: "admin", "breaker \(name): \(action) by admin call")
            context.logger.notice("admin call", metadata: ["action": "breaker.\(action)", "dependency": "\(name)"])
            return JSONResponse.make(reporter.dependencies.breakers.first { $0.dependency == name })
        }
        routes.post("/_flotilla/faults") { request, context in
            try authorize(request, context, action: "fault")
            let fault = try await request.decode(as: FaultRequest.self, context: context)
            try fault.validate()
            reporter.faults.inject(
                errorRate: fault.errorRate ?? 0, addedLatencyMilliseconds: fault.addedLatencyMilliseconds ?? 0,
                for: .milliseconds(Int64(fault.durationSeconds * 1000)))
            reporter.events.record(
                .warning, kind: "fault",
                "fault injected: error rate \(fault.errorRate ?? 0), +\(fault.addedLatencyMilliseconds ?? 0) ms for \(fault.durationSeconds) s"
            )
            context.logger.notice("admin call", metadata: ["action": "fault.inject"])
            return JSONResponse.make(reporter.faults.active, status: .created)
        }
        routes.delete("/_flotilla/faults") { request, context in
            try authorize(request, context, action: "fault")
            reporter.faults.clear()
            reporter.events.record(.info, kind: "fault", "fault cleared by admin call")
            context.logger.notice("admin call", metadata: ["action": "fault.clear"])
            return Response(status: .noContent)
        }
    }

    private func authorize(_ request: Request, _ context: ServiceRequestContext, action: String) throws {
        try AdminAuthorizer(token: adminToken).authorize(request, context, action: action)
    }
}

/// Body of `POST /_flotilla/faults`.
struct FaultRequest: Decodable {
    var errorRate: Double?
    var addedLatencyMilliseconds: Double?
    var durationSeconds: Double

    func validate() throws {
        if let errorRate, !(0...1).contains(errorRate) {
            throw ProblemError(.unprocessableContent, "errorRate must be between 0 and 1")
        }
        if let latency = addedLatencyMilliseconds, !(0...60_000).contains(latency) {
            throw ProblemError(.unprocessableContent, "addedLatencyMilliseconds must be between 0 and 60000")
        }
        guard (1...3_600).contains(durationSeconds) else {
            throw ProblemError(.unprocessableContent, "durationSeconds must be between 1 and 3600")
        }
    }
}

/// Comparison whose time does not depend on where the inputs differ.
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

/// JSON responses with the contract coding.
public enum JSONResponse {
    /// `value` as `application/json`.
    public static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let data = (try? ContractCoding.encoder().encode(value)) ?? Data("null".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
