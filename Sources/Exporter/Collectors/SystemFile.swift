import Glibc

/// Reads whole files and directory listings with plain system calls (procfs files report size 0, so the file is
/// read until end of file).
enum SystemFile {
    /// The largest file the collectors read; kernel text files are far smaller.
    static let maximumSize = 16 << 20

    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(CollectorError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, errno: Glibc.errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < maximumSize {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                throw .unreadable(path: path, errno: Glibc.errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }

    /// The file at `path` as a ``ProcText`` named after `path`.
    static func text(_ path: String) throws(CollectorError) -> ProcText {
        ProcText(try read(path), file: path)
    }

    /// The names in the directory at `path`, without `.` and `..`, sorted.
    static func list(_ path: String) throws(CollectorError) -> [String] {
        guard let directory = opendir(path) else { throw .unreadable(path: path, errno: Glibc.errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
