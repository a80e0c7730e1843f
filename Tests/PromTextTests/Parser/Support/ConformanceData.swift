import Glibc

/// Reads the shared conformance data (`<package root>/../shared/conformance`, or the nearest `shared/conformance`
/// above the package when it is checked out in a nested worktree) as raw bytes.
enum ConformanceData {
    /// The conformance directory, found from this file's path.
    static let root: String = {
        var directory = String(#filePath)
        for _ in 0..<5 { directory = parent(of: directory) }  // Support, Parser, PromTextTests, Tests, package
        var candidate = parent(of: directory)
        while candidate != "/" {
            let path = candidate + "/shared/conformance"
            if access(path, F_OK) == 0 { return path }
            candidate = parent(of: candidate)
        }
        return parent(of: directory) + "/shared/conformance"
    }()

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The bytes of `root/relativePath`, exactly as stored.
    static func bytes(_ relativePath: String) -> [UInt8] {
        guard let file = fopen(root + "/" + relativePath, "rb") else { return [] }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            result.append(contentsOf: chunk[..<count])
        }
        return result
    }

    /// The entries of `root/relativeDirectory`, sorted, without `.` and `..`.
    static func list(_ relativeDirectory: String) -> [String] {
        guard let directory = opendir(root + "/" + relativeDirectory) else { return [] }
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
