import Glibc

/// Whole-file reads and crash-safe replacement of small state files under `--storage.path`.
///
/// ``write(_:to:)`` writes a temporary file beside the target, flushes it with `fsync`, renames it over the target
/// and flushes the directory, so after a crash the file holds either the old or the new contents, never a mix.
public enum AtomicFile {
    /// Why a state file could not be read or written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file involved.
        public var path: String
        /// The operation that failed (`open`, `write`, `fsync`, `rename`, `read`, `mkdir`).
        public var operation: String
        /// The system error number.
        public var errorNumber: Int32

        /// `path: operation: reason`, as an operator reads it in a log line.
        public var description: String {
            "\(path): \(operation): \(String(cString: strerror(errorNumber)))"
        }
    }

    /// Replaces the contents of `path` with `bytes` atomically and durably.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: temporary, operation: "open", errorNumber: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let failure = Failure(path: temporary, operation: "write", errorNumber: errno)
                close(descriptor)
                unlink(temporary)
                throw failure
            }
            written += result
        }
        if fsync(descriptor) != 0 {
            let failure = Failure(path: temporary, operation: "fsync", errorNumber: errno)
            close(descriptor)
            unlink(temporary)
            throw failure
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let failure = Failure(path: path, operation: "rename", errorNumber: errno)
            unlink(temporary)
            throw failure
        }
        syncDirectory(of: path)
    }

    /// The contents of `path`, or `nil` when it does not exist.
    public static func read(_ path: String) throws(Failure) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: path, operation: "open", errorNumber: errno)
        }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, operation: "read", errorNumber: errno)
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    /// The path of the file `name` in `directory`, with exactly one `/` between them (`--storage.path` may end
    /// with one, as its default `data/` does).
    public static func path(of name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates `path` and its parents as directories when they do not exist.
    public static func createDirectory(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: prefix, operation: "mkdir", errorNumber: errno)
            }
            prefix += "/"
        }
    }

    private static func syncDirectory(of path: String) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let descriptor = open(directory.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
