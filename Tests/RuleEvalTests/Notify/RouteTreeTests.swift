import PromText
import Testing

@testable import RuleEval

/// Ported from Alertmanager's `dispatch/route_test.go` (`TestRouteMatch`, `TestRouteMatchers`).
@Suite struct RouteTreeTests {
    struct Expected: Sendable, CustomStringConvertible {
        var receiver: String
        var groupBy: Set<String> = []
        var groupByAll = false
        var groupWait: Int64 = 30_000
        var groupInterval: Int64 = 300_000
        var repeatInterval: Int64 = 14_400_000
        var key: String
        var description: String { key }
    }

    /// The tree of `TestRouteMatchers`, written with `matchers:`.
    static let matchersTree = RouteConfiguration(
        receiver: "notify-def",
        routes: [
            RouteConfiguration(
                receiver: "notify-A", matchers: ["{owner=\"team-A\"}", "{level!=\"critical\"}"],
                routes: [
                    RouteConfiguration(
                        receiver: "notify-testing", groupBy: ["..."],
                        matchers: ["{env=\"testing\"}", "{baz!~\".*quux\"}"]),
                    RouteConfiguration(
                        receiver: "notify-productionA", continueMatching: true, matchers: ["{env=\"production\"}"],
                        groupWait: .seconds(60)),
                    RouteConfiguration(
                        receiver: "notify-productionB", groupBy: ["job"],
                        matchers: ["env=~\"produ.*\"", "job=~\".*\""],
                        groupWait: .seconds(30), groupInterval: .seconds(300), repeatInterval: .seconds(3600)),
                ]),
            RouteConfiguration(
                receiver: "notify-BC", groupBy: ["foo", "bar"], matchers: ["owner=~\"team-(B|C)\""],
                groupWait: .seconds(120)),
            RouteConfiguration(
                groupBy: ["role"], matchers: ["group_by=\"role\""],
                routes: [
                    RouteConfiguration(
                        receiver: "notify-testing", matchers: ["{env=\"testing\"}"],
                        routes: [RouteConfiguration(matchers: ["wait=\"long\""], groupWait: .seconds(120))])
                ]),
        ])

    static let matchersCases: [(Labels, [Expected])] = [
        (["owner": "team-A"], [Expected(receiver: "notify-A", key: "{}/{level!=\"critical\",owner=\"team-A\"}")]),
        (
            ["owner": "team-A", "env": "unset"],
            [Expected(receiver: "notify-A", key: "{}/{level!=\"critical\",owner=\"team-A\"}")]
        ),
        (
            ["owner": "team-C"],
            [
                Expected(
                    receiver: "notify-BC", groupBy: ["foo", "bar"], groupWait: 120_000,
                    key: "{}/{owner=~\"team-(B|C)\"}")
            ]
        ),
        (
            ["owner": "team-A", "env": "testing"],
            [
                Expected(
                    receiver: "notify-testing", groupByAll: true,
                    key: "{}/{level!=\"critical\",owner=\"team-A\"}/{baz!~\".*quux\",env=\"testing\"}")
            ]
        ),
        (
            ["owner": "team-A", "env": "production"],
            [
                Expected(
                    receiver: "notify-productionA", groupWait: 60_000,
                    key: "{}/{level!=\"critical\",owner=\"team-A\"}/{env=\"production\"}"),
                Expected(
                    receiver: "notify-productionB", groupBy: ["job"], repeatInterval: 3_600_000,
                    key: "{}/{level!=\"critical\",owner=\"team-A\"}/{env=~\"produ.*\",job=~\".*\"}"),
            ]
        ),
        (["group_by": "role"], [Expected(receiver: "notify-def", groupBy: ["role"], key: "{}/{group_by=\"role\"}")]),
        (
            ["env": "testing", "group_by": "role"],
            [Expected(receiver: "notify-testing", groupBy: ["role"], key: "{}/{group_by=\"role\"}/{env=\"testing\"}")]
        ),
        (
            ["env": "testing", "group_by": "role", "wait": "long"],
            [
                Expected(
                    receiver: "notify-testing", groupBy: ["role"], groupWait: 120_000,
                    key: "{}/{group_by=\"role\"}/{env=\"testing\"}/{wait=\"long\"}")
            ]
        ),
        (["owner": "team-A", "level": "critical"], [Expected(receiver: "notify-def", key: "{}")]),
    ]

    @Test(arguments: matchersCases)
    func matchesAsAlertmanager(labels: Labels, expected: [Expected]) throws {
        let tree = try RouteTree(Self.matchersTree)
        let matched = tree.match(labels)
        #expect(matched.map(\.key) == expected.map(\.key))
        #expect(matched.map(\.receiver) == expected.map(\.receiver))
        #expect(matched.map(\.groupBy) == expected.map(\.groupBy))
        #expect(matched.map(\.groupByAll) == expected.map(\.groupByAll))
        #expect(matched.map(\.groupWait) == expected.map(\.groupWait))
        #expect(matched.map(\.groupInterval) == expected.map(\.groupInterval))
        #expect(matched.map(\.repeatInterval) == expected.map(\.repeatInterval))
    }

    @Test func deprecatedMatchREKeysCarryTheAnchoredRegex() throws {
        var route = RouteConfiguration(receiver: "notify-BC")
        route.matchRE = ["owner": "team-(B|C)"]
        let tree = try RouteTree(RouteConfiguration(receiver: "notify-def", routes: [route]))
        #expect(tree.match(["owner": "team-C"]).map(\.key) == ["{}/{owner=~\"^(?:team-(B|C))$\"}"])
    }

    @Test func idsAddTheSiblingIndex() throws {
        let tree = try RouteTree(Self.matchersTree)
        #expect(tree.root.id == "{}")
        #expect(
            tree.match(["env": "testing", "group_by": "role", "wait": "long"]).map(\.id)
                == ["{}/{group_by=\"role\"}/2/{env=\"testing\"}/0/{wait=\"long\"}/0"])
    }

    @Test func childrenInheritGroupByAllUntilTheyGroupOtherwise() throws {
        let tree = try RouteTree(
            RouteConfiguration(
                receiver: "r",
                routes: [
                    RouteConfiguration(
                        groupBy: ["..."], matchers: ["env=parent"],
                        routes: [
                            RouteConfiguration(matchers: ["child=1"]),
                            RouteConfiguration(groupBy: ["foo"], matchers: ["child=2"]),
                        ])
                ]))
        #expect(tree.match(["env": "parent"]).map(\.groupByAll) == [true])
        #expect(tree.match(["env": "parent", "child": "1"]).map(\.groupByAll) == [true])
        #expect(tree.match(["env": "parent", "child": "2"]).map(\.groupByAll) == [false])
    }

    @Test(arguments: [
        (RouteConfiguration(), "root route must specify a default receiver"),
        (RouteConfiguration(receiver: "r", matchers: ["a=b"]), "root route must not have any matchers"),
        (
            RouteConfiguration(receiver: "r", routes: [RouteConfiguration(groupBy: ["...", "a"])]),
            "cannot have wildcard group_by (`...`) and other other labels at the same time"
        ),
        (RouteConfiguration(receiver: "r", groupInterval: .zero), "group_interval cannot be zero"),
    ])
    func rejectsWhatAlertmanagerRejects(configuration: RouteConfiguration, message: String) {
        #expect(throws: NotifyConfigurationError(message)) { try RouteTree(configuration) }
    }
}
