import ArgumentParser

/// How a command prints diagnostics.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// `file:line:col: error: message` lines for people and editors' problem matchers.
    case text
    /// One JSON document for tools and CI.
    case json
}
