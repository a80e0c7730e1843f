import Glibc
import RuleEval
import Testing

@Suite struct AtomicFileTests {
    private func scratchDirectory() -> String {
        var template = Array("/tmp/tocsin-atomic-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    @Test func replacesContentsAndLeavesNoTemporaryFile() throws {
        let directory = scratchDirectory() + "/state/nested"
        try AtomicFile.createDirectory(directory)
        let path = directory + "/alerts.json"
        #expect(try AtomicFile.read(path) == nil)
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(Array("second, longer".utf8), to: path)
        #expect(try AtomicFile.read(path) == Array("second, longer".utf8))
        #expect(access(path + ".tmp", F_OK) != 0)
    }

    @Test func reportsTheFileAndOperationThatFailed() {
        #expect {
            try AtomicFile.write([1], to: "/nonexistent-directory/state.json")
        } throws: { error in
            "\(error)" == "/nonexistent-directory/state.json.tmp: open: No such file or directory"
        }
    }

    @Test(arguments: [
        ("data/", "data/alerts.json"), ("data", "data/alerts.json"), ("/var/lib/t/", "/var/lib/t/alerts.json"),
    ])
    func joinsTheStorageDirectoryAndFileNameWithOneSlash(directory: String, expected: String) {
        #expect(AtomicFile.path(of: "alerts.json", in: directory) == expected)
        #expect(AlertStateFile(storagePath: directory).path == expected)
    }
}
