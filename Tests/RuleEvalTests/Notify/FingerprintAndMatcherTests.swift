import PromText
import Testing

@testable import RuleEval

@Suite struct NotifyFingerprintTests {
    /// Values from prometheus/common `model/signature_test.go` (`TestMetricToFingerprint`, benchmarks).
    @Test(
        arguments: [
            ([:], 14_695_981_039_346_656_037 as UInt64, "cbf29ce484222325"),
            (["name": "garland, briggs", "fear": "love is not enough"], 5_799_056_148_416_392_346, "507a62d79ee76c9a"),
            (["first-label": "first-label-value"], 5_146_282_821_936_882_169, "476b44f5db3e21f9"),
            (
                ["first-label": "first-label-value", "second-label": "second-label-value"], 3_195_800_080_984_914_717,
                "2c59c33dd8453b1d"
            ),
        ] as [(Labels, UInt64, String)])
    func fingerprintMatchesPrometheusCommon(labels: Labels, value: UInt64, text: String) {
        let fingerprint = LabelSetFingerprint(of: labels)
        #expect(fingerprint.value == value)
        #expect(fingerprint.description == text)
    }

    @Test func labelOrderDoesNotChangeTheFingerprint() {
        #expect(LabelSetFingerprint(of: ["a": "1", "b": "2"]) == LabelSetFingerprint(of: ["b": "2", "a": "1"]))
    }

    @Test func alertIsResolvedOnceEndsAtIsReached() {
        let alert = NotifierAlert(labels: ["alertname": "Down"], startsAt: 0, endsAt: 1000)
        #expect(!alert.isResolved(at: 999))
        #expect(alert.isResolved(at: 1000))
        #expect(!NotifierAlert(labels: ["alertname": "Down"], startsAt: 0).isResolved(at: .max))
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(String(repeating: "a", count: 200))
                == "c2a908d98f5df987ade41b5fce213067efbcc21ef2240212a41e54b5e7c28ae5")
    }

    @Test func timesFormatAsGoDoes() {
        #expect(RFC3339Time.rfc3339Nano(milliseconds: 0) == "1970-01-01T00:00:00Z")
        #expect(RFC3339Time.rfc3339Nano(milliseconds: 1_700_000_000_120) == "2023-11-14T22:13:20.12Z")
        #expect(RFC3339Time.rfc3339Millis(milliseconds: 1_700_000_000_000) == "2023-11-14T22:13:20.000Z")
        #expect(RFC3339Time.parse("2023-11-14T22:13:20.12Z") == 1_700_000_000_120)
        #expect(RFC3339Time.parse("2023-11-14T23:13:20.123456+01:00") == 1_700_000_000_123)
        #expect(RFC3339Time.parse("2023-11-14 22:13:20Z") == nil)
        #expect(RFC3339Time.parse("2023-02-29T00:00:00Z") == nil)
        #expect(RFC3339Time.parse("2024-02-29T00:00:00Z") == 1_709_164_800_000)
        #expect(RFC3339Time.rfc3339Nano(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
    }
}

@Suite struct AlertMatcherParserTests {
    @Test(arguments: [
        ("foo=\"bar\"", "foo", AlertMatcher.MatchType.equal, "bar"),
        ("foo!=bar", "foo", .notEqual, "bar"),
        ("foo=~\"re.*\"", "foo", .regexMatch, "re.*"),
        ("foo!~ re ", "foo", .regexNoMatch, "re"),
        ("foo = \"a\\\"b\\\\c\\nd\\x\"", "foo", .equal, "a\"b\\c\nd\\x"),
        ("\"odd name\"=\"1\"", "odd name", .equal, "1"),
        ("foo=", "foo", .equal, ""),
    ])
    func parsesOneMatcher(text: String, name: String, type: AlertMatcher.MatchType, value: String) throws {
        let matcher = try AlertMatcherParser.parseMatcher(text)
        #expect(matcher.name == name)
        #expect(matcher.type == type)
        #expect(matcher.value == value)
    }

    @Test func parsesTheListForm() throws {
        let matchers = try AlertMatcherParser.parse("{alertname=\"Down\", severity=~\"page|critical\",env!=dev}")
        #expect(matchers.map(\.description) == ["alertname=\"Down\"", "severity=~\"page|critical\"", "env!=\"dev\""])
        #expect(try AlertMatcherParser.parse("{}").isEmpty)
        #expect(try AlertMatcherParser.parse("a=b,").count == 1)
    }

    @Test(arguments: [
        ("=bar", "1:1: expected label name, found \"=bar\""),
        ("foo bar", "1:5: expected one of \"=\", \"!=\", \"=~\", \"!~\", found \"bar\""),
        ("{foo=\"bar\"", "1:11: expected \",\" or \"}\", found end of input"),
        ("foo=\"bar", "1:5: unterminated quoted string"),
        ("foo=~\"(\"", "1:6: invalid regular expression \"(\""),
    ])
    func reportsErrorsWithPosition(text: String, message: String) {
        #expect(throws: AlertMatcherError.self) { try AlertMatcherParser.parse(text) }
        do {
            _ = try AlertMatcherParser.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func regexesAreAnchoredAndAbsentLabelsAreEmpty() throws {
        let matcher = try AlertMatcher(name: "job", type: .regexMatch, value: "api|web")
        #expect(matcher.matches(["job": "api"]))
        #expect(!matcher.matches(["job": "api-2"]))
        #expect(!matcher.matches(["job": "xapi"]))
        let absent = try AlertMatcher(name: "team", type: .equal, value: "")
        #expect(absent.matches(["job": "api"]))
        let negated = try AlertMatcher(name: "job", type: .regexNoMatch, value: "a.*")
        #expect(negated.matches(["job": "web"]))
        #expect(!negated.matches(["job": "api"]))
    }

    @Test func printsAsAlertmanagerAndSortsByNameValueType() throws {
        let matchers = try AlertMatcherParser.parse("b=~x, a=\"q\\\"\", b=x").sortedAsAlertmanager()
        #expect(matchers.alertmanagerText == "{a=\"q\\\"\",b=\"x\",b=~\"x\"}")
    }
}
