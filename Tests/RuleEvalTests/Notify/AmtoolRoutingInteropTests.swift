import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

/// Checks routing against the real `amtool config routes test` (Debian's Alertmanager tools) with the same tree
/// as ``RouteTreeTests/matchersTree`` written as `alertmanager.yml`.
@Suite(.enabled(if: Peers.available("amtool"))) struct AmtoolRoutingInteropTests {
    static let yaml = """
        route:
          receiver: notify-def
          routes:
          - matchers: ['{owner="team-A"}', '{level!="critical"}']
            receiver: notify-A
            routes:
            - matchers: ['{env="testing"}', '{baz!~".*quux"}']
              receiver: notify-testing
              group_by: [...]
            - matchers: ['{env="production"}']
              receiver: notify-productionA
              group_wait: 1m
              continue: true
            - matchers: [env=~"produ.*", job=~".*"]
              receiver: notify-productionB
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
              group_by: [job]
          - matchers: [owner=~"team-(B|C)"]
            group_by: [foo, bar]
            group_wait: 2m
            receiver: notify-BC
          - matchers: [group_by="role"]
            group_by: [role]
            routes:
            - matchers: ['{env="testing"}']
              receiver: notify-testing
              routes:
              - matchers: [wait="long"]
                group_wait: 2m
        receivers:
        - name: notify-def
        - name: notify-A
        - name: notify-testing
        - name: notify-productionA
        - name: notify-productionB
        - name: notify-BC
        """

    @Test(arguments: RouteTreeTests.matchersCases.map(\.0))
    func receiversMatchAmtool(labels: Labels) throws {
        let amtool = try #require(Peers.path(of: "amtool"), "amtool is required (TOCSIN_REQUIRE_PEERS=1)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tocsin-amtool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("alertmanager.yml")
        try Self.yaml.write(to: file, atomically: true, encoding: .utf8)
        let arguments =
            ["config", "routes", "test", "--config.file=\(file.path)"] + labels.map { "\($0.name)=\($0.value)" }
        let result = try ProcessRunner.run(amtool, arguments, timeout: 30)
        #expect(result.status == 0, "\(result.standardError)")
        let expected = try RouteTree(RouteTreeTests.matchersTree).match(labels).map(\.receiver)
        #expect(
            result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == expected.joined(separator: ","))
    }
}
