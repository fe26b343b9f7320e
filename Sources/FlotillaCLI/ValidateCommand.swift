import ArgumentParser
import FlotillaSpec
import Foundation

/// `flotilla validate`: report every problem of a spec.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a spec and report every problem with file:line:col and a hint.",
        discussion: """
            Exit status: 0 when the spec is valid (warnings allowed), 1 when it has warnings and \
            --strict is given, 2 when it has errors or cannot be read.
            """)

    @Argument(help: "The spec file.", completion: .file(extensions: ["yaml", "yml"]))
    var file = "flotilla.yaml"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as failures (exit 1).")
    var strict = false

    func run() throws {
        let result = SpecFile.load(file)
        let report = ValidationReport(file: file, diagnostics: result.diagnostics)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(try report.json())
        }
        throw ExitCode(report.exitCode(strict: strict))
    }
}
