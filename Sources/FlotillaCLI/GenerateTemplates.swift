import FlotillaGenerator
import Foundation

/// Loads `--templates DIR`: each file named like a built-in template replaces it.
enum GenerateTemplates {
    static func load(from directory: String?) throws -> TemplateSet {
        guard let directory else { return try TemplateSet.builtin() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GeneratorError(
                "no templates folder at '\(directory)'", hint: "pass a folder holding e.g. Dockerfile.mustache")
        }
        var overrides: [TemplateSet.Name: (text: String, path: String)] = [:]
        for name in TemplateSet.Name.allCases {
            let path = (directory as NSString).appendingPathComponent(name.rawValue)
            if let data = FileManager.default.contents(atPath: path) {
                overrides[name] = (String(decoding: data, as: UTF8.self), path)
            }
        }
        guard !overrides.isEmpty else {
            throw GeneratorError(
                "'\(directory)' holds none of the templates",
                hint: "name files as the built-in ones: "
                    + TemplateSet.Name.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return try TemplateSet.builtin(overriddenBy: overrides)
    }
}
