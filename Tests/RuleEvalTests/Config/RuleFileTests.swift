import PromText
import Testing

@testable import RuleEval

@Suite struct RuleFileTests {
    static func parse(_ text: String, names: NameValidationScheme = .utf8) throws(RuleFileError) -> RuleFile {
        try RuleFile.parse(Array(text.utf8), fileName: "rules.yml", names: names)
    }

    /// The messages a broken file gets, one per line, or "" when it is accepted.
    static func messages(_ text: String, names: NameValidationScheme = .utf8) -> String {
        do {
            _ = try parse(text, names: names)
            return ""
        } catch {
            return error.description
        }
    }

    @Test func decodesGroupsAndRules() throws {
        let file = try Self.parse(
            """
            groups:
              - name: example
                interval: 30s
                query_offset: 1m
                limit: 10
                labels: {team: infra}
                rules:
                  - record: job:http_requests:rate5m
                    expr: sum by (job) (rate(http_requests_total[5m]))
                    labels:
                      source: recorded
                  - alert: HighLatency
                    expr: |
                      job:latency:p99 > 0.5
                    for: 10m
                    keep_firing_for: 5m
                    labels: {severity: page}
                    annotations:
                      summary: "High latency on {{ $labels.job }}"
              - name: empty
            """)
        #expect(file.groups.count == 2)
        let group = file.groups[0]
        #expect(group.name == "example" && group.interval == .seconds(30) && group.queryOffset == .minutes(1))
        #expect(group.limit == 10 && group.labels.map(\.key) == ["team"])
        #expect(group.position.description == "2:5")
        let record = group.rules[0]
        #expect(record.record == "job:http_requests:rate5m" && record.alert.isEmpty)
        #expect(record.expr == "sum by (job) (rate(http_requests_total[5m]))")
        #expect(record.exprPosition.description == "9:15")
        let alert = group.rules[1]
        #expect(alert.name == "HighLatency" && alert.expr == "job:latency:p99 > 0.5\n")
        #expect(alert.forDuration == .minutes(10) && alert.keepFiringFor == .minutes(5))
        #expect(alert.annotations.first?.value == "High latency on {{ $labels.job }}")
        #expect(alert.annotations.first?.valuePosition.description == "19:20")
        #expect(file.groups[1].interval == nil && file.groups[1].rules.isEmpty)
        #expect(try Self.parse("") == RuleFile())
    }

    /// A catalogue of broken rule files and promtool's messages for them.
    @Test(arguments: [
        ("group: []\n", "rules.yml:1:1: field group not found in type rulefmt.RuleGroups"),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: x\n        expr: up\n        fr: 5m\n",
            "rules.yml:6:9: field fr not found in type rulefmt.Rule"
        ),
        (
            "groups:\n  - name: a\n    evaluation_interval: 1m\n",
            "rules.yml:3:5: field evaluation_interval not found in type rulefmt.RuleGroup"
        ),
        ("groups:\n  - name: a\n    interval: 1\n", "rules.yml:3:15: not a valid duration string: \"1\""),
        ("groups:\n  - name: a\n    limit: ten\n", "rules.yml:3:12: expected an integer, found string \"ten\""),
        ("groups:\n  - rules: []\n", "rules.yml:2:5: Groupname must not be empty"),
        ("groups:\n  - name: a\n  - name: a\n", "rules.yml:3:5: groupname: \"a\" is repeated in the same file"),
        ("groups:\n  - name: a\n    labels: {__name__: x}\n", "rules.yml:3:14: invalid label name: __name__"),
        (
            "groups:\n  - name: a\n    rules:\n      - expr: up\n",
            "rules.yml:4:9: group \"a\", rule 1, \"\": one of 'record' or 'alert' must be set"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: r\n        alert: a\n        expr: up\n",
            "rules.yml:4:17: 5:16: group \"a\", rule 1, \"a\": only one of 'record' and 'alert' must be set"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: a\n",
            "rules.yml:4:9: group \"a\", rule 1, \"a\": field 'expr' must be set in rule"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: r\n        expr: up\n        for: 5m\n",
            "rules.yml:4:17: group \"a\", rule 1, \"r\": invalid field 'for' in recording rule"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: r\n        expr: up\n        keep_firing_for: 5m\n",
            "rules.yml:4:17: group \"a\", rule 1, \"r\": invalid field 'keep_firing_for' in recording rule"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: r\n        expr: up\n        annotations: {a: b}\n",
            "rules.yml:4:17: group \"a\", rule 1, \"r\": invalid field 'annotations' in recording rule"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - record: 'r{a=\"b\"}'\n        expr: up\n",
            "rules.yml:4:17: group \"a\", rule 1, \"r{a=\\\"b\\\"}\": braces present in the recording rule name; should it be in expr?: r{a=\"b\"}"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: a\n        expr: up\n        labels: {'': x}\n",
            "rules.yml:6:18: group \"a\", rule 1, \"a\": invalid label name: "
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: a\n        expr: up\n        labels: {__name__: x}\n",
            "rules.yml:6:18: group \"a\", rule 1, \"a\": invalid label name: __name__"
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: a\n        expr: up\n        annotations: {'': x}\n",
            "rules.yml:6:23: group \"a\", rule 1, \"a\": invalid annotation name: "
        ),
        (
            "groups:\n  - name: a\n    rules:\n      - alert: a\n        expr: up\n        for: 5x\n",
            "rules.yml:6:14: unknown unit \"x\" in duration \"5x\""
        ),
        ("groups:\n  - name: a\n    rules: {}\n", "rules.yml:3:12: expected a list, found mapping"),
        ("groups:\n- name: a\n  rules:\n  - alert: *x\n", "rules.yml:4:12: aliases (*) are not supported"),
    ])
    func rejectsBrokenFile(yaml: String, message: String) {
        #expect(Self.messages(yaml) == message)
    }

    @Test func reportsEveryValidationErrorInFileOrder() {
        let text = """
            groups:
              - name: a
                rules:
                  - record: r
                    expr: up
                    for: 1m
                  - expr: ""
              - name: a
            """
        #expect(
            Self.messages(text) == """
                rules.yml:4:17: group "a", rule 1, "r": invalid field 'for' in recording rule
                rules.yml:7:9: group "a", rule 2, "": one of 'record' or 'alert' must be set
                rules.yml:7:15: group "a", rule 2, "": field 'expr' must be set in rule
                rules.yml:8:5: groupname: "a" is repeated in the same file
                """)
    }

    @Test func pluggedParsersReportInPromtoolsOrderAndWording() {
        let checks = RuleChecks(
            parseExpression: { $0.contains("(") ? "unclosed left parenthesis" : nil },
            parseTemplate: { text, alert in text.contains("{{") ? "template: __alert_\(alert):1: unclosed action" : nil
            })
        let text = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: sum(
                    labels: {severity: "{{"}
                    annotations: {summary: "{{ $value"}
                  - record: r
                    expr: up
                    labels: {x: "{{"}
            """
        do {
            _ = try RuleFile.parse(Array(text.utf8), fileName: "rules.yml", checks: checks)
            Issue.record("accepted")
        } catch {
            #expect(
                error.description == """
                    rules.yml:5:15: group "g", rule 1, "A": could not parse expression: unclosed left parenthesis
                    rules.yml:6:28: group "g", rule 1, "A": label "severity": template: __alert_A:1: unclosed action
                    rules.yml:7:32: group "g", rule 1, "A": annotation "summary": template: __alert_A:1: unclosed action
                    """)
        }
    }

    @Test func legacyNamesRejectWhatUTF8Accepts() {
        let text = "groups:\n  - name: a\n    rules:\n      - record: my-metric\n        expr: up\n"
        #expect(Self.messages(text).isEmpty)
        #expect(
            Self.messages(text, names: .legacy)
                == "rules.yml:4:17: group \"a\", rule 1, \"my-metric\": invalid recording rule name: my-metric")
    }

    @Test func findsDuplicateRulesAsPromtool() throws {
        let file = try Self.parse(
            """
            groups:
              - name: a
                labels: {team: x}
                rules:
                  - {record: job:up, expr: up}
                  - {record: job:up, expr: up * 2, labels: {team: x}}
                  - {record: job:up, expr: up * 3}
                  - {record: job:up, expr: up, labels: {team: y}}
                  - {alert: Down, expr: up == 0}
              - name: b
                rules:
                  - {alert: Down, expr: up == 0}
                  - {alert: Down, expr: up == 0, labels: {severity: page}}
            """)
        let duplicates = file.duplicateRules()
        #expect(duplicates == [RuleFile.DuplicateRule(metric: "job:up", labels: ["team": "x"])])
        #expect(
            RuleFile.duplicateRulesMessage(duplicates) == """
                1 duplicate rule(s) found.
                Metric: job:up
                Label(s):
                \tteam: x
                Might cause inconsistency while recording expressions
                """)
        let promtoolExample = try Self.parse(
            """
            groups:
              - name: a
                rules:
                  - {record: job:up, expr: up, labels: {team: x}}
                  - {record: job:up, expr: up * 2, labels: {team: x}}
                  - {record: job:up, expr: up * 3, labels: {team: x}}
                  - {alert: B, expr: up}
                  - {alert: B, expr: up}
            """)
        #expect(
            RuleFile.duplicateRulesMessage(promtoolExample.duplicateRules()) == """
                2 duplicate rule(s) found.
                Metric: B
                Label(s):
                Metric: job:up
                Label(s):
                \tteam: x
                Might cause inconsistency while recording expressions
                """)
        let noDuplicates = try Self.parse("groups:\n  - name: a\n    rules:\n      - {alert: A, expr: up}\n")
        #expect(noDuplicates.duplicateRules().isEmpty)
    }

    @Test func loadReportsUnreadableFiles() {
        #expect(
            throws: RuleFileError(errors: [
                YAMLError(
                    fileName: "/nonexistent.yml", position: .wholeFile,
                    message: "No such file or directory")
            ])
        ) {
            try RuleFile.load(fileAt: "/nonexistent.yml")
        }
    }
}
