import Foundation
import TestSupport
import Testing

@testable import RuleEval

/// Checks the matcher parser against the real `amtool`: each text is used as a route's `matchers:` entry; amtool
/// must accept exactly the texts we accept, and print the route's matchers as ``alertmanagerText`` does.
@Suite(.enabled(if: Peers.available("amtool"))) struct AmtoolMatcherInteropTests {
    @Test(arguments: [
        #"foo="bar""#, "foo!=bar", #"foo=~"re.*""#, "foo!~ re ", #"foo = "a\"b\\c\nd\x""#, "foo=", "{a=b, c!=d}",
        #"job=~"api|web",instance!~"10\\..*""#, "=bar", "foo bar", #"foo="bar"#, #"foo=~"(""#,
    ])
    func parsesAsAmtoolDoes(text: String) throws {
        let amtool = try #require(Peers.path(of: "amtool"), "amtool is required (TOCSIN_REQUIRE_PEERS=1)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tocsin-amtool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("alertmanager.yml")
        let yaml =
            "route:\n  receiver: r\n  routes:\n  - matchers: ['\(text)']\n    receiver: r\nreceivers:\n- name: r\n"
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(amtool, ["config", "routes", "--config.file=\(file.path)"], timeout: 30)
        let ours = try? AlertMatcherParser.parse(text).sortedAsAlertmanager()
        #expect((result.status == 0) == (ours != nil), "amtool: \(result.standardError)")
        guard let ours, result.status == 0 else { return }
        let line = result.standardOutput.split(separator: "\n").last {
            $0.contains("receiver: r") && !$0.contains("default-route")
        }
        let printed = line?.split(separator: "── ", maxSplits: 1).last?.components(separatedBy: "  receiver").first
        #expect(printed == ours.alertmanagerText)
    }
}
