import Foundation
import TestSupport
import Testing

/// Runs an interop peer (promtool, amtool, systemd-analyze) on shipped files, from the package root, bounded in
/// time.
enum ShippedPeer {
    /// Runs `program` with `arguments` in `directory` (the package root unless given) for at most 60 seconds.
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let path = try #require(Peers.path(of: program), "\(program) is not installed")
        return try ProcessRunner.run(
            path,
            arguments,
            currentDirectory: directory ?? Paths.packageRoot,
            timeout: 60
        )
    }

    /// A fresh temporary directory, for files a test derives from the shipped ones.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tocsin-shipped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

extension ProcessResult {
    /// Both outputs, for a failure message.
    var output: String { standardOutput + standardError }
}
