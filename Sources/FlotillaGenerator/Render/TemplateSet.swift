import Mustache

/// The Mustache templates of the text artifacts: the built-in ones (``BuiltinTemplates``, kept
/// identical to the repository's `templates/` folder by a test), each replaceable by a file of
/// the same name from a user's `--templates DIR`.
public struct TemplateSet: Sendable {
    /// Template names, which are also the file names under `templates/`.
    public enum Name: String, Sendable, CaseIterable {
        /// A service's Dockerfile.
        case dockerfile = "Dockerfile.mustache"
        /// The `Dockerfile.dockerignore` beside it.
        case dockerignore = "Dockerfile.dockerignore.mustache"
        /// The README of the manifests folder.
        case readme = "README.md.mustache"
    }

    private let templates: [Name: MustacheTemplate]

    /// The built-in templates.
    public static func builtin() throws -> TemplateSet {
        try TemplateSet(sources: BuiltinTemplates.all.mapValues { ($0, "templates/") })
    }

    /// The built-in templates with some replaced: `overrides` maps a name to its text and the
    /// path it was read from (reported in errors).
    ///
    /// - Throws: ``GeneratorError`` naming `file:line:column` when a template does not parse.
    public static func builtin(overriddenBy overrides: [Name: (text: String, path: String)]) throws -> TemplateSet {
        var sources = BuiltinTemplates.all.mapValues { ($0, "templates/") }
        for (name, override) in overrides { sources[name] = (override.text, override.path) }
        return try TemplateSet(sources: sources)
    }

    private init(sources: [Name: (String, String)]) throws {
        var templates: [Name: MustacheTemplate] = [:]
        for (name, (text, path)) in sources {
            let file = path.hasSuffix("/") ? path + name.rawValue : path
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw GeneratorError(
                    "\(file):\(error.context.lineNumber):\(error.context.columnNumber): template error: \(error.error)",
                    hint: "near: \(error.context.line.trimmingCharacters(in: .whitespaces))")
            }
        }
        self.templates = templates
    }

    /// Renders template `name` with `context` (nested dictionaries, arrays and strings).
    func render(_ name: Name, _ context: [String: Any]) -> String {
        templates[name]?.render(context) ?? ""
    }
}
