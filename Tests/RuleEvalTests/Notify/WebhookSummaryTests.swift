import RuleEval
import Testing

@Suite struct WebhookSummaryTests {
    @Test func summarisesAnAlertmanagerWebhookMessageAlertByAlert() {
        let body = """
            {"receiver":"paging","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Down",\
            "instance":"a:1"},"annotations":{"summary":"a is down"},"startsAt":"2026-11-25T21:00:00Z"},\
            {"status":"resolved","labels":{"alertname":"Down","instance":"b:1"},"annotations":{},\
            "startsAt":"2026-11-25T20:00:00Z"}],"groupLabels":{"alertname":"Down"},"commonLabels":{},\
            "commonAnnotations":{},"externalURL":"","version":"4","groupKey":"{}:{}","truncatedAlerts":0}

            """
        #expect(
            WebhookSummary.lines(path: "/paging", body: Array(body.utf8), idempotencyKey: "k1") == [
                "POST /paging receiver=paging [FIRING:2] group={alertname=Down} key=k1",
                "  firing {alertname=Down, instance=a:1} since 2026-11-25T21:00:00Z — a is down",
                "  resolved {alertname=Down, instance=b:1} since 2026-11-25T20:00:00Z",
            ])
    }

    @Test func printsOtherBodiesAsTheyCame() {
        let body = Array(#"{"routing_key":"x","event_action":"trigger"}"#.utf8) + [0x0A]
        #expect(
            WebhookSummary.lines(path: "/pd", body: body, idempotencyKey: nil) == [
                #"POST /pd {"routing_key":"x","event_action":"trigger"}"#
            ])
    }

    @Test func summarisesAlertmanagerAPIAlertLists() {
        let body =
            #"[{"labels":{"alertname":"Down"},"startsAt":"2026-11-25T21:00:00Z","endsAt":"2026-11-25T21:04:00Z"}]"#
        #expect(
            WebhookSummary.lines(path: "/api/v2/alerts", body: Array(body.utf8), idempotencyKey: nil) == [
                "POST /api/v2/alerts [1 alerts for an Alertmanager]",
                "  {alertname=Down} startsAt=2026-11-25T21:00:00Z endsAt=2026-11-25T21:04:00Z",
            ])
    }
}
