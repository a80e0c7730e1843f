/// Reads a file from `Tests/RuleEvalTests/PromQL/Fixtures`, located relative to this source file.
func fixtureText(_ name: String, sourceFile: String = #filePath) throws -> String {
    let directory = sourceFile.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
    return try readTextFile(directory + "/Fixtures/" + name)
}

struct FixtureError: Error {
    var path: String
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private func readTextFile(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else { throw FixtureError(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
