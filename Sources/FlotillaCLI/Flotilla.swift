import ArgumentParser

/// The `flotilla` command.
@main
struct Flotilla: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate, generate, run and watch a system of Swift services described by flotilla.yaml.",
        version: FlotillaVersion.current,
        subcommands: [ValidateCommand.self, SchemaCommand.self, GenerateCommand.self])
}
