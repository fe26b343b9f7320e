import FlotillaSpec
import Foundation

/// The outcome of validating one spec, in the forms `flotilla validate` prints.
struct ValidationReport {
    let file: String
    let diagnostics: [Diagnostic]

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// 0 valid, 1 warnings under `--strict`, 2 errors.
    func exitCode(strict: Bool) -> Int32 {
        if errorCount > 0 { return 2 }
        return strict && warningCount > 0 ? 1 : 0
    }

    /// Each diagnostic, then a one-line summary.
    var text: String {
        var lines = diagnostics.map(\.description)
        if errorCount > 0 {
            lines.append("\(file) is invalid: \(plural(errorCount, "error")), \(plural(warningCount, "warning")).")
        } else {
            lines.append("\(file) is valid" + (warningCount > 0 ? " with \(plural(warningCount, "warning"))." : "."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"file", "valid", "errors", "warnings", "diagnostics": [{severity, message, file, line, column, hint}]}`.
    func json() throws -> String {
        let items: [JSONValue] = diagnostics.map { diagnostic in
            var fields: [String: JSONValue] = [
                "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
                "file": .string(diagnostic.location.file), "line": .integer(diagnostic.location.line),
                "column": .integer(diagnostic.location.column),
            ]
            if let hint = diagnostic.hint { fields["hint"] = .string(hint) }
            return .object(fields)
        }
        let document = JSONValue.object([
            "file": .string(file), "valid": .bool(errorCount == 0), "errors": .integer(errorCount),
            "warnings": .integer(warningCount), "diagnostics": .array(items),
        ])
        return try JSONText.encode(document)
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// Deterministic pretty JSON: sorted keys, unescaped slashes.
enum JSONText {
    static func encode(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
