import PromText
import Testing

@testable import RuleEval

/// Slack and PagerDuty bodies for the notification of ``WebhookPayloadTests``, written by hand from
/// Alertmanager's `slack.go`/`pagerduty.go` structs and `default.tmpl`.
@Suite struct ReceiverPayloadTests {
    static let link = "http://am/#/alerts?receiver=team%5C.x"

    @Test func slackDefaultTemplatesFiring() throws {
        let body = try SlackPayload.body(
            for: WebhookPayloadTests.notification, configuration: SlackConfiguration(channel: "ops-room"),
            externalURL: "http://am")
        let expected =
            #"{"channel":"ops-room","username":"Alertmanager","attachments":[{"title":"[FIRING:1] Down (node)","title_link":""#
            + Self.link + #"","text":"","fallback":"[FIRING:1] Down (node) | "# + Self.link
            + #"","callback_id":"","footer":"","color":"danger","mrkdwn_in":["fallback","pretext","text"]}]}"# + "\n"
        #expect(String(decoding: body, as: UTF8.self) == expected)
    }

    @Test func slackResolvedIsGoodAndNamesTheOtherCommonLabels() throws {
        var notification = WebhookPayloadTests.notification
        notification.alerts = [notification.alerts[1]]
        let json = try JSONParser.parse(
            try SlackPayload.body(for: notification, configuration: SlackConfiguration(), externalURL: ""))
        guard case .array(let attachments)? = json["attachments"], let attachment = attachments.first else {
            Issue.record("no attachment")
            return
        }
        #expect(attachment["color"] == .string("good"))
        #expect(attachment["title"] == .string("[RESOLVED] Down (b:9100 node)"))
        #expect(json["channel"] == nil)
    }

    @Test func pagerDutyTriggerWithDefaultDetails() throws {
        let body = try PagerDutyPayload.body(
            for: WebhookPayloadTests.notification, configuration: PagerDutyConfiguration(routingKey: "key123"),
            externalURL: "http://am")
        let expected =
            #"{"routing_key":"key123","dedup_key":"af94c9e8f6a3043625e36c6f472fe6be85ac23a9117184ee4cb7b4ad7401a47e","event_action":"trigger","payload":{"summary":"[FIRING:1] Down (node)","source":"Alertmanager","severity":"error","custom_details":{"firing":"Labels:\n - alertname = Down\n - instance = a:9100\n - job = node\nAnnotations:\n - summary = \u003cb\u003edown\u003c/b\u003e \u0026 out\nSource: http://prom/graph?g0.expr=up\n","num_firing":"1","num_resolved":"1","resolved":"Labels:\n - alertname = Down\n - instance = b:9100\n - job = node\nAnnotations:\n - summary = ok \"quoted\"\nSource: \n"}},"client":"Alertmanager","client_url":""#
            + Self.link + #""}"# + "\n"
        #expect(String(decoding: body, as: UTF8.self) == expected)
    }

    @Test func pagerDutyResolveKeepsTheDedupKey() throws {
        var notification = WebhookPayloadTests.notification
        notification.alerts = [notification.alerts[1]]
        let json = try JSONParser.parse(
            try PagerDutyPayload.body(
                for: notification, configuration: PagerDutyConfiguration(routingKey: "k"), externalURL: ""))
        #expect(json["event_action"] == .string("resolve"))
        #expect(json["dedup_key"] == .string(PagerDutyPayload.dedupKey(groupKey: "{}:{alertname=\"Down\"}")))
    }

    @Test func idempotencyKeyIgnoresAlertOrderButNotStatus() {
        var reordered = WebhookPayloadTests.notification
        reordered.alerts.reverse()
        #expect(reordered.idempotencyKey == WebhookPayloadTests.notification.idempotencyKey)
        var resolved = WebhookPayloadTests.notification
        resolved.status = .resolved
        #expect(resolved.idempotencyKey != WebhookPayloadTests.notification.idempotencyKey)
        #expect(reordered.idempotencyKey.count == 64)
    }
}
