import Glibc

/// Reads whole files and directory listings with plain system calls (procfs files report size 0, so the file is
/// read until end of file).
enum SystemFile {
    /// The largest file the collectors read; kernel text files are far smaller.
    static let maximumSize = 16 << 20

    /// The bytes of the file at `path`.
    ///
    /// Reads through an uninitialised scratch buffer: zero-filling a 64 kB array for every file was an eighth of
    /// the exporter's instructions per scrape.
    static func read(_ path: String) throws(CollectorError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, errno: Glibc.errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        let failure: Int32? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while bytes.count < maximumSize {
                let count = Glibc.read(descriptor, chunk.baseAddress, chunk.count)
                if count < 0 {
                    if Glibc.errno == EINTR { continue }
                    return Glibc.errno
                }
                if count == 0 { break }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
            }
            return nil
        }
        if let failure { throw .unreadable(path: path, errno: failure) }
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
