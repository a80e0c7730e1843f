import PromText
import Testing

@testable import RuleEval

@Suite struct WebhookPayloadTests {
    static let start: Int64 = 1_700_000_000_000

    /// A firing alert (whose `endsAt` the flush cleared) and one resolved at the flush time.
    static let notification = Notification(
        receiver: "team.x", integration: .init(kind: .webhook, index: 0), routeID: "{}",
        groupKey: "{}:{alertname=\"Down\"}", groupLabels: ["alertname": "Down"],
        alerts: [
            NotifierAlert(
                labels: ["job": "node", "instance": "a:9100", "alertname": "Down"],
                annotations: ["summary": "<b>down</b> & out"], startsAt: start,
                generatorURL: "http://prom/graph?g0.expr=up"),
            NotifierAlert(
                labels: ["alertname": "Down", "instance": "b:9100", "job": "node"],
                annotations: ["summary": "ok \"quoted\""], startsAt: start + 500, endsAt: start + 60_000),
        ],
        status: .firing, flushedAt: start + 61_000, firing: [], resolved: [], flushID: 1)

    /// Hand-written from `webhook.Message` and Go's `encoding/json` rules (field order, sorted map keys,
    /// HTML-safe escaping, RFC 3339 with trailing zeros dropped, the zero time for an unset `endsAt`, trailing
    /// newline from `json.Encoder`); fingerprints computed independently with FNV-1a in Python.
    static let golden =
        #"{"receiver":"team\\.x","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Down","instance":"a:9100","job":"node"},"annotations":{"summary":"\u003cb\u003edown\u003c/b\u003e \u0026 out"},"startsAt":"2023-11-14T22:13:20Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom/graph?g0.expr=up","fingerprint":"ee0b1db96b155bd3"},{"status":"resolved","labels":{"alertname":"Down","instance":"b:9100","job":"node"},"annotations":{"summary":"ok \"quoted\""},"startsAt":"2023-11-14T22:13:20.5Z","endsAt":"2023-11-14T22:14:20Z","generatorURL":"","fingerprint":"3a66c9bce5499744"}],"groupLabels":{"alertname":"Down"},"commonLabels":{"alertname":"Down","job":"node"},"commonAnnotations":{},"externalURL":"http://am.example:9093","version":"4","groupKey":"{}:{alertname=\"Down\"}","truncatedAlerts":0}"#
        + "\n"

    @Test func bodyMatchesGoldenBytes() {
        let body = WebhookPayload.body(for: Self.notification, externalURL: "http://am.example:9093")
        #expect(String(decoding: body, as: UTF8.self) == Self.golden)
    }

    @Test func maxAlertsTruncatesAndCountsTheRest() throws {
        let body = WebhookPayload.body(for: Self.notification, externalURL: "", maxAlerts: 1)
        let json = try JSONParser.parse(body)
        #expect(json["truncatedAlerts"] == .number(1))
        guard case .array(let alerts)? = json["alerts"] else {
            Issue.record("no alerts array")
            return
        }
        #expect(alerts.count == 1)
        #expect(json["commonAnnotations"]?["summary"]?.stringValue == "<b>down</b> & out")
    }

    @Test func jsonRoundTripsThroughTheParser() throws {
        let value = JSONValue.object([
            ("text", .string("tab\t nl\n quote\" \u{01} é 😀 \u{2028}")),
            ("list", .array([.null, .bool(true), .number(-2.5)])),
        ])
        #expect(try JSONParser.parse(value.encoded) == value)
        #expect(String(decoding: JSONValue.string("\u{01}\u{08}").encoded, as: UTF8.self) == #""\u0001\b""#)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "\"\\x\"", "tru", String(repeating: "[", count: 500), "01", "1.", "-", "1e", "+1",
    ])
    func malformedJSONThrows(text: String) {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
