/// Collects diagnostics while a spec is loaded and validated, so every problem is reported in
/// one run instead of stopping at the first.
struct DiagnosticBag {
    private(set) var items: [Diagnostic] = []

    mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        items.append(Diagnostic(.error, message, at: location, hint: hint))
    }

    mutating func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        items.append(Diagnostic(.warning, message, at: location, hint: hint))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }
}
