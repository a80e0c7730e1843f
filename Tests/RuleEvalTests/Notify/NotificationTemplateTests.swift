import PromText
import Testing

@testable import RuleEval

/// Receiver fields expanded as Alertmanager's `ExecuteTextString` does, over the notification of
/// ``WebhookPayloadTests`` (one firing alert `a:9100`, one resolved `b:9100`, common labels `alertname=Down`,
/// `job=node`). Expected strings follow Alertmanager's `template.Data`, `KV`/`Pairs` methods and `DefaultFuncs`.
@Suite struct NotificationTemplateTests {
    static let notification = WebhookPayloadTests.notification
    static let data = NotificationTemplateData(
        notification: notification, alerts: notification.alerts, externalURL: "http://am")

    @Test(arguments: [
        ("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}", "[FIRING] Down"),
        ("{{ range .Alerts }}{{ .Annotations.summary }};{{ end }}", "<b>down</b> & out;ok \"quoted\";"),
        ("{{ len .Alerts.Firing }}/{{ .Alerts.Resolved | len }}", "1/1"),
        ("{{ range .Alerts.Firing }}{{ .Labels.instance }} {{ .Status }}{{ end }}", "a:9100 firing"),
        ("{{ .Receiver }} {{ .ExternalURL }} {{ .GroupLabels }}", "team\\.x http://am alertname=Down"),
        ("{{ .CommonLabels }}", "alertname=Down, job=node"),
        ("{{ .CommonLabels.SortedPairs }}", "alertname=Down, job=node"),
        ("{{ .CommonLabels.Names | join \",\" }}|{{ join \" \" .CommonLabels.Values }}", "alertname,job|Down node"),
        ("{{ range .CommonLabels.SortedPairs }}{{ .Name }}:{{ .Value }} {{ end }}", "alertname:Down job:node "),
        ("{{ (.CommonLabels.Remove (stringSlice \"alertname\")).Names }}", "[job]"),
        ("{{ range $k, $v := (index .Alerts 0).Labels }}{{ $k }} {{ end }}", "alertname instance job "),
        ("{{ (index .Alerts 0).StartsAt | date \"2006-01-02 15:04\" }}", "2023-11-14 22:13"),
        ("{{ (index .Alerts 0).EndsAt }}", "0001-01-01 00:00:00 +0000 UTC"),
        ("{{ since (index .Alerts 0).StartsAt }}", "1m1s"),
        ("{{ (index .Alerts 1).StartsAt | tz \"UTC\" }}", "2023-11-14 22:13:20.5 +0000 UTC"),
        (
            "{{ (index .Alerts 0).Fingerprint }} {{ (index .Alerts 0).GeneratorURL }}",
            "ee0b1db96b155bd3 http://prom/graph?g0.expr=up"
        ),
        ("{{ title \"hELLO wORLD\" }}|{{ trimSpace \"  x \\n\" }}|{{ toLower \"AB\" }}", "Hello World|x|ab"),
        ("{{ reReplaceAll \"(.+):.*\" \"$1\" \"host:9100\" }} {{ match \"^a\" \"abc\" }}", "host true"),
        ("{{ humanizeDuration 90 }}", "1m 30s"),
        ("{{ .CommonAnnotations }}|{{ .CommonLabels.missing }}|{{ if .CommonAnnotations }}x{{ end }}", "||"),
        ("{{ template \"slack.default.title\" . }}", "[FIRING:1] Down (node)"),
        ("{{ template \"__alertmanagerURL\" . }}", "http://am/#/alerts?receiver=team%5C.x"),
        ("{{ if true }}{{ template \"slack.default.username\" }}{{ end }}", "Alertmanager"),
        (
            "{{ template \"pagerduty.default.instances\" .Alerts.Resolved }}",
            "Labels:\n - alertname = Down\n - instance = b:9100\n - job = node\nAnnotations:\n - summary = ok \"quoted\"\n"
                + "Source: \n"
        ),
    ])
    func expandsLikeAlertmanager(template: String, expected: String) throws {
        #expect(
            try NotificationTemplate.expand(template, data: Self.data, now: Self.notification.flushedAt) == expected)
    }

    @Test func executionErrorIsGoText() {
        #expect(throws: TemplateError.self) {
            do throws(TemplateError) {
                _ = try NotificationTemplate.expand("x{{ .Nope }}", data: Self.data, now: 0)
            } catch {
                #expect(
                    error.message
                        == "template: :1:4: executing \"\" at <.Nope>: can't evaluate field Nope in type *template.Data"
                )
                throw error
            }
        }
    }

    @Test func templatesOtherThanAlertmanagersDefaultsAreRejectedWhenChecked() {
        #expect(throws: TemplateError.self) {
            do throws(TemplateError) {
                try NotificationTemplate.check("x\n{{ range .Alerts }}{{ template \"email.default.html\" . }}{{ end }}")
            } catch {
                #expect(
                    error.message
                        == "template: :2: template \"email.default.html\" not defined (tocsin has Alertmanager's "
                        + "default templates only)")
                throw error
            }
        }
    }

    @Test func functionsPrometheusHasButAlertmanagerDoesNotAreParseErrors() {
        #expect(throws: TemplateError.self) { try NotificationTemplate.check("{{ humanize 1 }}") }
        #expect(throws: Never.self) { try NotificationTemplate.check("{{ stringSlice \"a\" | join \",\" }}") }
    }

    @Test func slackTitleAndTextAreExpanded() throws {
        var configuration = SlackConfiguration()
        configuration.title = "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}"
        configuration.text = "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}"
        let json = try JSONParser.parse(
            try SlackPayload.body(for: Self.notification, configuration: configuration, externalURL: "http://am"))
        guard case .array(let attachments)? = json["attachments"], let attachment = attachments.first else {
            Issue.record("no attachment")
            return
        }
        #expect(attachment["title"] == .string("[FIRING] Down"))
        #expect(attachment["text"] == .string("<b>down</b> & out\nok \"quoted\"\n"))
        #expect(attachment["fallback"] == .string("[FIRING] Down | http://am/#/alerts?receiver=team%5C.x"))
    }

    @Test func pagerDutyDescriptionAndDetailsAreExpanded() throws {
        var configuration = PagerDutyConfiguration(routingKey: "k")
        configuration.description = "{{ .CommonLabels.alertname }} on {{ .CommonLabels.job }}"
        configuration.details = ["firing": "{{ .Alerts.Firing | len }}", "static": "text"]
        let json = try JSONParser.parse(
            try PagerDutyPayload.body(for: Self.notification, configuration: configuration, externalURL: ""))
        #expect(json["payload"]?["summary"] == .string("Down on node"))
        // The configured details replace or join Alertmanager's defaults.
        #expect(json["payload"]?["custom_details"]?["firing"] == .string("1"))
        #expect(json["payload"]?["custom_details"]?["static"] == .string("text"))
        #expect(json["payload"]?["custom_details"]?["num_resolved"] == .string("1"))
    }

    @Test func emailSubjectHeaderIsExpanded() throws {
        var configuration = EmailConfiguration(
            to: "{{ .CommonLabels.job }}@example.org", from: "a@b", smarthost: "m:25")
        configuration.headers = ["Subject": "{{ .Status }}: {{ .GroupLabels.alertname }}"]
        let text = String(
            decoding: try EmailMessage.render(
                Self.notification, configuration: configuration, externalURL: "", now: Self.notification.flushedAt),
            as: UTF8.self)
        #expect(text.contains("\r\nSubject: firing: Down\r\n"))
        #expect(text.contains("\r\nTo: node@example.org\r\n"))
    }

    /// `html` runs as `html/template` does: printed values are escaped (`+` too), `safeHtml` values are not.
    @Test func emailHTMLEscapesPrintedValues() throws {
        var configuration = EmailConfiguration(to: "a@b", from: "c@d", smarthost: "m:25")
        configuration.html =
            "<p>{{ range .Alerts }}{{ .Annotations.summary }}|{{ end }}{{ \"<i>1+1</i>\" | safeHtml }} {{ \"1+1\" }}</p>"
        let text = String(
            decoding: try EmailMessage.render(
                Self.notification, configuration: configuration, externalURL: "", now: Self.notification.flushedAt),
            as: UTF8.self)
        #expect(
            text.hasSuffix("\r\n\r\n<p>&lt;b&gt;down&lt;/b&gt; &amp; out|ok &#34;quoted&#34;|<i>1+1</i> 1&#43;1</p>"))
    }

    /// The position is the error's own when the value is a one-line single-quoted scalar, else the value's.
    @Test(arguments: [
        ("'{{ .Status '", "am.yml:6:24: invalid template: template: :1: unclosed action"),
        ("'a {{ .Status | nosuch }}'", "am.yml:6:28: invalid template: template: :1: function \"nosuch\" not defined"),
        ("\"{{ .Status\\n}\"", "am.yml:6:12: invalid template: template: :2: unexpected \"}\" in operand"),
    ])
    func templateThatDoesNotParseIsALoadError(title: String, message: String) {
        let yaml = """
            route: {receiver: x}
            receivers:
            - name: x
              slack_configs:
              - api_url: http://127.0.0.1:9/slack
                title: \(title)
            """
        #expect(throws: YAMLError.self) {
            do {
                _ = try NotifyConfiguration.parse(Array(yaml.utf8), fileName: "am.yml")
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }
}
