import Foundation
import Logging
import Synchronization

/// swift-log handler writing one JSON object per line to standard output:
/// `{"time", "level", "service", "instance", "message", "trace_id", "span_id", "request_id", …metadata}`.
/// Trace and span ids come from the metadata provider (the active span), the request id from the
/// request's logger metadata.
public struct JSONLogHandler: LogHandler {
    /// Handler-level metadata.
    public var metadata: Logger.Metadata = [:]
    /// Minimum level.
    public var logLevel: Logger.Level
    /// Adds metadata from the task's context (trace ids).
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let service: String
    private let instance: String
    private let sink: LogSink

    /// Creates a handler that writes to `sink` (standard output by default).
    public init(
        label: String, service: String, instance: String, level: Logger.Level,
        metadataProvider: Logger.MetadataProvider?,
        sink: LogSink = .standardOutput
    ) {
        self.label = label
        self.service = service
        self.instance = instance
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    /// Reads or writes one metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one log line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "{"
        line += JSONText.field("time", Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date()))
        line += "," + JSONText.field("level", event.level.rawValue)
        line += "," + JSONText.field("service", service)
        line += "," + JSONText.field("instance", instance)
        line += "," + JSONText.field("logger", label)
        line += "," + JSONText.field("message", "\(event.message)")
        for key in merged.keys.sorted()
        where !["time", "level", "service", "instance", "logger", "message"].contains(key) {
            if let value = merged[key] { line += "," + JSONText.field(key, value.flatDescription) }
        }
        line += "}\n"
        sink.write(line)
    }
}

/// Where log lines go; serialises writers so lines never interleave.
public final class LogSink: Sendable {
    private let write: @Sendable (String) -> Void
    private let lock = Mutex(())

    /// A sink calling `write` for each line.
    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Standard output.
    public static let standardOutput = LogSink { line in FileHandle.standardOutput.write(Data(line.utf8)) }

    func write(_ line: String) { lock.withLock { _ in write(line) } }
}

extension Logger.MetadataValue {
    /// Nested metadata flattened to text.
    var flatDescription: String {
        switch self {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): "[" + values.map(\.flatDescription).joined(separator: ", ") + "]"
        case .dictionary(let values):
            "{"
                + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.flatDescription)" }.joined(
                    separator: ", ") + "}"
        }
    }
}

/// Minimal JSON string escaping for log lines.
enum JSONText {
    static func field(_ key: String, _ value: String) -> String { quote(key) + ":" + quote(value) }

    static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
