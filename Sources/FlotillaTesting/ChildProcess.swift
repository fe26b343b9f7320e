import Foundation

/// Runs a program to completion and captures what it printed; for tests of real processes.
public struct ChildProcess: Sendable {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// Exit status (or the signal number for a process killed by a signal).
        public var status: Int32
        /// Everything written to standard output.
        public var standardOutput: String
        /// Everything written to standard error.
        public var standardError: String
    }

    /// The executable beside the running test bundle, e.g. the `flotilla` product of this build.
    public static func builtProduct(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `executable` with `arguments` and `environment` added to the current one, and waits.
    public static func runWithEnvironment(_ executable: String, _ arguments: [String], environment: [String: String])
        async throws -> Result
    {
        try await run(
            executable, arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new })
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, and waits — on a
    /// thread of its own, so a waiting test never blocks one of the few threads every other
    /// concurrently running test needs.
    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", directory: String? = nil,
        environment: [String: String]? = nil
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Swift.Result {
                        try runBlocking(
                            executable, arguments, input: input, directory: directory, environment: environment)
                    })
            }
        }
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], input: String, directory: String?, environment: [String: String]?
    ) throws -> Result {
        let process = Process()
        if let environment { process.environment = environment }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
