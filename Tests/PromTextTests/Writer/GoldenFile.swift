import FoundationEssentials
import Testing

/// Golden files under `Tests/PromTextTests/Writer/Golden/`, compared byte for byte.
///
/// Run with `UPDATE_GOLDEN=1` to rewrite a golden file from the actual output; the test then fails so that the
/// change is reviewed in the diff before it is committed.
enum GoldenFile {
    /// The folder holding the golden files, found from this source file's path.
    static let directory: String = {
        let path = #filePath
        let folder = path[..<(path.lastIndex(of: "/") ?? path.endIndex)]
        return folder + "/Golden"
    }()

    /// The bytes of the golden file `name`, or `nil` if it does not exist.
    static func read(_ name: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
        return [UInt8](data)
    }

    /// Expects `actual` to equal the golden file `name` byte for byte (or rewrites it under `UPDATE_GOLDEN=1`).
    static func expectMatches(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = directory + "/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual))
            Issue.record(
                "rewrote golden file \(name); review the diff and run again without UPDATE_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = read(name) else {
            Issue.record("missing golden file \(path); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let firstDifference =
                zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? min(expected.count, actual.count)
            Issue.record(
                """
                \(name) differs at byte \(firstDifference):
                --- expected
                \(String(decoding: expected, as: UTF8.self))
                --- actual
                \(String(decoding: actual, as: UTF8.self))
                """,
                sourceLocation: sourceLocation)
        }
    }
}
