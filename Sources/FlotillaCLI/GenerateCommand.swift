import ArgumentParser
import FlotillaGenerator
import FlotillaSpec
import Foundation

/// `flotilla generate`: Dockerfiles, compose, Kubernetes and CI workflows from a spec.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Dockerfiles, compose, Kubernetes (kustomize) and GitHub Actions workflows from a spec.",
        discussion: """
            Files go to --out (default: manifests/ beside the spec); workflows go to .github/workflows/ \
            beside the spec. Writing is atomic and only touches generated files (and removes files an \
            earlier run generated that are no longer produced). Exit status: 0 done (or up to date \
            with --check), 1 stale files under --check, 2 invalid spec or unusable options.
            """)

    @Argument(help: "The spec file.", completion: .file(extensions: ["yaml", "yml"]))
    var file = "flotilla.yaml"

    @Option(help: "Folder for the artifacts (default: manifests/ beside the spec).", completion: .directory)
    var out: String?

    @Option(
        help: "Generate only these families: docker, compose, k8s, ci (repeat or comma-separate).",
        transform: GenerateCommand.kinds)
    var only: [[ArtifactKind]] = []

    @Flag(help: "Print the Kubernetes objects of one environment as multi-document YAML (for kubectl apply -f -).")
    var stdout = false

    @Flag(help: "Write nothing; exit 1 with a unified diff when files on disk differ from a fresh generation.")
    var check = false

    @Flag(help: "Print how each spec element became which objects and files.")
    var explain = false

    @Option(help: "Folder of Mustache templates replacing the built-in ones by file name.", completion: .directory)
    var templates: String?

    @Option(help: "Environment for compose and --stdout (default: the first in the spec).")
    var environment: String?

    static func kinds(_ text: String) throws -> [ArtifactKind] {
        try text.split(separator: ",").map { part in
            guard let kind = ArtifactKind(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown artifact family '\(part)'; choose docker, compose, k8s or ci")
            }
            return kind
        }
    }

    func run() throws {
        let result = SpecFile.load(file)
        let report = ValidationReport(file: file, diagnostics: result.diagnostics)
        guard result.isValid, let spec = result.spec else {
            FileHandle.standardError.write(Data(report.text.utf8))
            throw ExitCode(2)
        }
        if !result.diagnostics.isEmpty { FileHandle.standardError.write(Data(report.text.utf8)) }
        do {
            try generate(spec)
        } catch let error as GeneratorError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func generate(_ spec: SystemSpec) throws {
        let paths = try GeneratePaths(specFile: file, out: out)
        let specText = try paths.readSpec()
        let generator = Generator(templates: try GenerateTemplates.load(from: templates))
        let options = GenerateOptions(
            only: Set(only.flatMap { $0 }), manifestsPath: paths.manifestsPath, specPath: paths.specName,
            composeEnvironment: environment, contextPath: paths.contextPath)
        if explain {
            print(try generator.explain(spec, options: options), terminator: "")
            return
        }
        if stdout {
            let stream = try generator.kubernetesStream(
                spec, specText: specText, environment: environment, source: paths.specName)
            print(stream, terminator: "")
            return
        }
        let files = try generator.generate(spec, specText: specText, options: options)
        let writer = GenerateWriter(paths: paths)
        if check {
            let drift = try writer.drift(files, complete: only.isEmpty)
            guard drift.isEmpty else {
                print(drift, terminator: "")
                FileHandle.standardError.write(
                    Data("generated files are stale; run `flotilla generate \(file)` and commit the result\n".utf8))
                throw ExitCode(1)
            }
            print("\(files.count) generated files are up to date.")
            return
        }
        let summary = try writer.write(files, complete: only.isEmpty)
        print(summary)
    }
}
