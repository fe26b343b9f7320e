import Foundation

/// A child process that keeps running while a test talks to it; stopped when the test is done.
public final class RunningProcess: @unchecked Sendable {
    /// The underlying process (used from the test's task only).
    public let process: Process
    /// Where its standard output and error go.
    public let logFile: String

    /// Starts `executable` with `environment` added to the current one; output goes to a temporary log file.
    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        logFile =
            FileManager.default.temporaryDirectory.appendingPathComponent("flotilla-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Sends `signal` (e.g. SIGTERM).
    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits up to `timeout` for the process to exit; returns its status, or nil if it is still running.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// What the process has written so far.
    public var output: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
