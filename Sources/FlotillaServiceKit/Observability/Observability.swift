import Logging
import Metrics
import OTel
import Prometheus
import ServiceLifecycle
import Tracing

/// Process-wide observability: one Prometheus registry behind swift-metrics, JSON logs with trace
/// ids, and an OpenTelemetry tracer that always creates and propagates W3C trace context and
/// exports spans over OTLP/HTTP only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
public enum Observability {
    /// The registry `/metrics` renders.
    public static let metrics = PrometheusCollectorRegistry()

    /// Bootstraps swift-metrics once per process (later calls do nothing).
    public static func bootstrapMetrics() { _ = metricsBootstrap }

    private static let metricsBootstrap: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
    }()

    /// Bootstraps logging and tracing for a service process; returns the tracer's background
    /// service, which must run in the process's service group (it flushes spans at shutdown).
    public static func bootstrapProcess(_ configuration: ServiceConfiguration) throws -> any Service {
        bootstrapMetrics()
        let tracer = try bootstrapTracing(configuration)
        let provider = OTel.makeLoggingMetadataProvider()
        let service = configuration.serviceName
        let instance = configuration.instanceID
        let level = configuration.logLevel
        LoggingSystem.bootstrap(
            { label, provider in
                JSONLogHandler(
                    label: label, service: service, instance: instance, level: level, metadataProvider: provider)
            }, metadataProvider: provider)
        return tracer
    }

    /// Bootstraps the OpenTelemetry tracer (W3C propagation always; OTLP export when configured).
    /// Process-global: call it once, as ``bootstrapProcess(_:)`` does; tests call it once too.
    public static func bootstrapTracing(_ configuration: ServiceConfiguration) throws -> any Service {
        var otel = OTel.Configuration.default
        otel.serviceName = configuration.serviceName
        otel.resourceAttributes = [
            "service.instance.id": configuration.instanceID, "service.version": configuration.version,
            "deployment.environment": configuration.environment,
        ]
        otel.metrics.enabled = false
        otel.logs.enabled = false
        if let endpoint = configuration.otlpEndpoint {
            otel.traces.exporter = .otlp
            otel.traces.otlpExporter.protocol = .httpProtobuf
            otel.traces.otlpExporter.endpoint = endpoint
        } else {
            // Nothing exports, so nothing needs recording: a ratio-0 sampler drops every span but
            // still gives it fresh, propagatable ids (logs, traceparent). (`.alwaysOff` would not:
            // swift-otel short-cuts it to a context-less span.)
            otel.traces.exporter = .none
            otel.traces.sampler = .traceIDRatio(ratio: 0) ?? .alwaysOn
        }
        let tracing = try OTel.makeTracingBackend(configuration: otel)
        InstrumentationSystem.bootstrap(tracing.factory)
        return tracing.service
    }
}
