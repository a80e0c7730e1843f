import Foundation
import RuleEval
import TestSupport
import Testing

/// `check rules` and `check config` against the real `promtool` (Debian's 2.42) on the corpus in `Files/`
/// (written by `scripts/generate-check-corpus.py`): every file in `rules/` and `config/` must get promtool's
/// exit code and standard output (`Checking`, `SUCCESS`, `WARNING` lines; the error texts on standard error
/// are Tocsin's own, with positions). The other folders hold the deliberate differences, each with its own expectation:
///
/// - `unsupported/`: valid Prometheus configurations (promtool exits 0) using fields Tocsin does not implement;
///   Tocsin exits 1 with `field X is not supported by Tocsin`.
/// - `unsupported-yaml/`: rule files using YAML outside Tocsin's subset (anchors, tags, several documents, complex
///   keys; see docs/yaml-subset.md); Tocsin exits 1 saying what is not supported.
/// - `version-differences/`: files Prometheus 3, which Tocsin follows, accepts and promtool 2.42 rejects
///   (UTF-8 metric and label names, group `labels`, `query_offset`).
/// - `stricter/`: configurations promtool accepts with a scrape or Alertmanager scheme other than http/https,
///   which Tocsin cannot use and rejects when loading.
@Suite struct PromtoolAgreementTests {
    static let corpus = Paths.packageRoot.appending(path: "Tests/RuleEvalTests/Corpus/Files")

    /// The `.yml` files directly in `folder`, as absolute paths, sorted.
    static func files(in folder: String) throws -> [String] {
        let directory = corpus.appending(path: folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yml") }.sorted().map { directory.appending(path: $0).path }
    }

    /// What our command does with one file.
    static func ours(_ kind: String, _ path: String) -> CommandResult {
        RuleEvalCommandLine.run(["check", kind, path], readInput: { [] })
    }

    /// What promtool does with one file.
    static func promtoolResult(_ kind: String, _ path: String) throws -> ProcessResult {
        let promtool = try #require(Peers.path(of: "promtool"), "promtool is not installed")
        return try ProcessRunner.run(promtool, ["check", kind, path], timeout: 30)
    }

    /// promtool's exit code for one file.
    static func promtool(_ kind: String, _ path: String) throws -> Int32 {
        try promtoolResult(kind, path).status
    }

    @Test(
        .enabled(if: Peers.available("promtool")),
        arguments: [("rules", "rules", 100), ("config", "config", 50)])
    func exitCodesAgreeWithPromtool(kind: String, folder: String, minimumFiles: Int) throws {
        let files = try Self.files(in: folder)
        #expect(files.count >= minimumFiles)
        var disagreements: [String] = []
        for file in files {
            let expected = try Self.promtoolResult(kind, file)
            let result = Self.ours(kind, file)
            if result.exitCode != expected.status {
                disagreements.append(
                    "\(file): promtool exited \(expected.status), we exited \(result.exitCode): \(result.error)")
            } else if result.output != expected.standardOutput {
                disagreements.append(
                    "\(file): promtool printed\n\(expected.standardOutput)we printed\n\(result.output)")
            }
        }
        #expect(
            disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("config", "unsupported", "is not supported by Tocsin", 0 as Int32),
        ("rules", "unsupported-yaml", "are not supported", 0),
        ("config", "stricter", #"scheme must be "http" or "https""#, 0),
    ])
    func deliberateRejectionsFailWithTheirReason(
        kind: String, folder: String, reason: String, promtoolExitCode: Int32
    ) throws {
        let files = try Self.files(in: folder)
        #expect(!files.isEmpty)
        for file in files {
            let result = Self.ours(kind, file)
            #expect(result.exitCode == ExitCode.failure, "\(file)")
            #expect(result.error.contains(reason), "\(file): \(result.error)")
            if Peers.available("promtool") {
                #expect(try Self.promtool(kind, file) == promtoolExitCode, "promtool should accept \(file)")
            }
        }
    }

    @Test(arguments: ["rules", "config"])
    func prometheus3FeaturesAreAcceptedThatPromtool242Rejects(kind: String) throws {
        let files = try Self.files(in: "version-differences/\(kind)")
        #expect(!files.isEmpty)
        for file in files {
            let result = Self.ours(kind, file)
            #expect(result.exitCode == ExitCode.success, "\(file): \(result.error)")
            if Peers.available("promtool") {
                #expect(try Self.promtool(kind, file) == ExitCode.failure, "promtool 2.42 should reject \(file)")
            }
        }
    }
}
