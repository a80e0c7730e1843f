import Foundation

/// The outcome of running a program to completion.
public struct ProcessResult: Sendable {
    /// The exit status (or 128 + signal number when it was killed).
    public var status: Int32
    /// Everything it wrote to standard output.
    public var standardOutput: String
    /// Everything it wrote to standard error.
    public var standardError: String
}

/// Errors from ``ProcessRunner``.
public enum ProcessRunnerError: Error, CustomStringConvertible {
    /// The program could not be found or started.
    case notStarted(String)
    /// The program ran past its deadline and was killed.
    case timedOut(String, seconds: Double)

    public var description: String {
        switch self {
        case .notStarted(let program): "could not start \(program)"
        case .timedOut(let program, let seconds): "\(program) did not finish within \(seconds)s and was killed"
        }
    }
}

/// Runs programs with arguments and standard input, bounded in time.
public enum ProcessRunner {
    /// Runs `program` with `arguments`, feeding `input` on standard input, and waits at most `timeout` seconds.
    public static func run(
        _ program: String,
        _ arguments: [String],
        input: Data = Data(),
        currentDirectory: URL? = nil,
        timeout: Double = 60
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { throw ProcessRunnerError.notStarted(program) }

        let collected = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isError: isError)
                group.leave()
            }.start()
        }
        Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }.start()
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            throw ProcessRunnerError.timedOut(program, seconds: timeout)
        }
        process.waitUntilExit()
        let (output, error) = collected.values
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ProcessResult(
            status: status,
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: error, as: UTF8.self)
        )
    }
}

/// Collects a child's output from two reader threads.
private final class OutputCollector: @unchecked Sendable {  // state guarded by `lock`
    private let lock = NSLock()
    private var output = Data()
    private var error = Data()

    func store(_ data: Data, isError: Bool) {
        lock.withLock {
            if isError { error = data } else { output = data }
        }
    }

    var values: (Data, Data) { lock.withLock { (output, error) } }
}
