extension StructuralCheck {
    /// Checks one scalar value against its type and reports what is wrong with a fix.
    mutating func checkScalar(_ node: YAMLNode, type: ScalarType, in context: Context) {
        let key = context.path.last ?? "value"
        guard let text = node.scalarText else {
            report("expected \(type.expectation) for \(context.description), found \(node.kindDescription)", node)
            return
        }
        switch type {
        case .string:
            return
        case .integer(let range):
            guard let value = node.int else {
                let unquoted = Int(text).map { "write it unquoted: \(key): \($0)" }
                report(
                    "'\(key)' must be a whole number, found \(node.kindDescription) in \(context.owner)", node,
                    hint: unquoted ?? "a whole number \(range.rangeDescription)")
                return
            }
            if !range.contains(value) {
                report("'\(key)' must be \(range.rangeDescription), found \(value) in \(context.owner)", node)
            }
        case .number(let range):
            guard let value = node.double else {
                report("'\(key)' must be a number, found \(node.kindDescription) in \(context.owner)", node)
                return
            }
            if !range.contains(value) {
                report(
                    "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(text) in \(context.owner)",
                    node)
            }
        case .boolean:
            if node.bool == nil {
                report("'\(key)' must be true or false, found \(node.kindDescription) in \(context.owner)", node)
            }
        case .oneOf(let words):
            if !words.contains(text) {
                report(
                    "'\(key)' must be one of \(words.map { "'\($0)'" }.joined(separator: ", ")), found '\(text)' in \(context.owner)"
                        + Suggestion.didYouMean(text, among: words), node)
            }
        case .duration:
            if ScalarSyntax.duration(text) == nil {
                report(
                    "'\(key)' is not a valid duration: '\(text)' in \(context.owner)", node,
                    hint: "write a number with a unit: 500ms, 2s, 1m30s, 1h (at most 7 days)")
            }
        case .cpu:
            if CPUQuantity(parsing: text) == nil {
                report(
                    "'\(text)' is not a valid CPU quantity in \(context.description)", node,
                    hint: "write millicores like 250m, or cores like 0.5 or 2")
            }
        case .memory:
            if MemoryQuantity(parsing: text) == nil {
                report(
                    "'\(text)' is not a valid memory quantity in \(context.description)", node,
                    hint: "write a number with a suffix: 128Mi, 1Gi, 512M")
            }
        case .path:
            if !ScalarSyntax.isPath(text) {
                report(
                    "'\(key)' must be an absolute path like /api/users, found '\(text)' in \(context.owner)", node,
                    hint: "start with '/', and use no '..', empty segments, '%', '?' or '#'")
            }
        case .name:
            if !ScalarSyntax.isName(text) {
                report(
                    "'\(key)' value '\(text)' is not a valid DNS-1123 label in \(context.owner)", node,
                    hint: NameHint.text(for: text))
            }
        case .event:
            if !ScalarSyntax.isEvent(text) {
                report(
                    "'\(text)' is not a valid event name in \(context.description)", node,
                    hint: "use dot-separated lowercase words, e.g. order.confirmed")
            }
        case .operation:
            if ScalarSyntax.operation(text) == nil {
                report(
                    "'\(key)' must be service.operation, found '\(text)' in \(context.owner)", node,
                    hint: "e.g. products.reserve: the service name, a dot, and one of its operations")
            }
        }
    }

    private mutating func report(_ message: String, _ node: YAMLNode, hint: String? = nil) {
        diagnostics.error(message, at: node.location, hint: hint)
    }
}

extension ScalarType {
    /// What a value of this type looks like, for "expected …" messages.
    var expectation: String {
        switch self {
        case .string: "a text value"
        case .integer: "a whole number"
        case .number: "a number"
        case .boolean: "true or false"
        case .oneOf(let words): "one of \(words.joined(separator: ", "))"
        case .duration: "a duration like 2s"
        case .cpu: "a CPU quantity like 250m"
        case .memory: "a memory quantity like 128Mi"
        case .path: "a path like /api"
        case .name: "a name"
        case .event: "an event name like order.confirmed"
        case .operation: "service.operation"
        }
    }
}

extension ClosedRange where Bound == Int {
    /// `1`, `between 1 and 65535`, or `at least 0` (only when there is no upper bound).
    var rangeDescription: String {
        if lowerBound == upperBound { return "\(lowerBound)" }
        return upperBound == .max ? "at least \(lowerBound)" : "between \(lowerBound) and \(upperBound)"
    }
}
