import Yams

/// Turns a Yams parse error into a diagnostic with the position libyaml reported.
enum YAMLErrorDiagnostic {
    static func make(from error: any Error, yaml: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let start = SourceLocation(file: file, line: 1, column: 1)
        let hint = "check indentation (spaces only), that every ':' is followed by a space, and quoting"
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, "cannot read YAML: \(error)", at: start, hint: hint)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(.error, "invalid YAML: \(detail)", at: at(mark), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, "duplicate key \(keys) in one mapping", at: at(context.mark),
                hint: "a key may appear once per mapping; merge the two entries")
        case .reader(let problem, let offset, _, _):
            let location = offset.map { UTF8Validation.location(of: $0, in: Array(yaml.utf8), file: file) } ?? start
            return Diagnostic(
                .error, "cannot read the file: \(problem)", at: location, hint: "save the file as UTF-8 text")
        default:
            return Diagnostic(.error, "cannot read YAML: \(yamlError)", at: start, hint: hint)
        }
    }
}

/// Positions in raw bytes, for errors found before the text could be parsed.
enum UTF8Validation {
    /// The offset of the first byte that makes the input invalid UTF-8 (or the end).
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }

    /// Line and column of a byte offset, counting lines by `\n`.
    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let prefix = bytes.prefix(max(0, min(offset, bytes.count)))
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return SourceLocation(file: file, line: line, column: prefix.count - lineStart + 1)
    }

}
