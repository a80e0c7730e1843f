import Foundation

/// A program started for a test and stopped by its PID when the test is done (never by name).
public final class BackgroundProcess: @unchecked Sendable {  // Process is used from the owning test only
    private let process = Process()
    /// Where its standard output and error go.
    public let logFile: URL

    /// Starts `program` with `arguments`; output goes to a temporary log file.
    public init(_ program: String, _ arguments: [String], currentDirectory: URL? = nil) throws {
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-test-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The process ID.
    public var pid: Int32 { process.processIdentifier }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// What it has logged so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Sends `signal` to this process only.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits up to `timeout` seconds for it to exit; returns its exit status, or `nil` if it is still running.
    public func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Stops it: SIGTERM, then SIGKILL after `grace` seconds.
    public func stop(grace: Double = 10) {
        send(SIGTERM)
        if waitForExit(timeout: grace) == nil {
            send(SIGKILL)
            _ = waitForExit(timeout: 5)
        }
    }

    deinit {
        stop(grace: 2)
        try? FileManager.default.removeItem(at: logFile)
    }
}

/// Free TCP ports on 127.0.0.1 for test servers.
public enum FreePort {
    /// A port that was free a moment ago (bound to port 0 and released).
    public static func next() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
