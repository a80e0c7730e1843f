import Foundation
import RuleEval

/// A scratch directory with files, removed when the value goes away.
final class ScratchDirectory {
    let path: String

    init(_ files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory.appending(path: "tocsin-check-\(UUID().uuidString)").path
        for (name, text) in files {
            let file = URL(fileURLWithPath: path).appending(path: name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Runs `tocsin-ruleeval check ...` with file names relative to this directory.
    func check(_ arguments: [String], files: [String]) -> CommandResult {
        let result = RuleEvalCommandLine.run(["check"] + arguments + files.map { "\(path)/\($0)" }, readInput: { [] })
        // Print paths relative to the directory so expectations can be written out in full.
        return CommandResult(
            exitCode: result.exitCode, output: result.output.replacing(path + "/", with: ""),
            error: result.error.replacing(path + "/", with: ""))
    }
}
