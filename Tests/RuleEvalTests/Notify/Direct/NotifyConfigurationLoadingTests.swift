import Foundation
import PromText
import TestSupport
import Testing

@testable import RuleEval

/// Loading `alertmanager.yml` into ``NotifyConfiguration``: every supported field, Alertmanager's defaults, and
/// positioned errors for what Tocsin does not support.
@Suite struct NotifyConfigurationLoadingTests {
    /// A valid file using every supported section; `amtool check-config` accepts it too.
    static let sample = """
        global:
          resolve_timeout: 2m
          slack_api_url: http://127.0.0.1:9/slack
          pagerduty_url: http://127.0.0.1:9/pagerduty
          smtp_from: alerts@example.org
          smtp_smarthost: mail.example.org:25
          smtp_hello: tocsin.example.org
          smtp_auth_username: alerts
          smtp_auth_password: secret
          smtp_require_tls: false
        route:
          receiver: team-default
          group_by: [alertname, cluster]
          routes:
          - matchers: ['severity="critical"', 'team=~"ops|infra"']
            receiver: pager
            group_wait: 10s
            continue: true
          - match: {team: db}
            match_re: {service: "^mysql.*"}
            receiver: db-mail
            group_by: ['...']
            group_interval: 1m
            repeat_interval: 2h
        inhibit_rules:
        - source_matchers: [severity="critical"]
          target_matchers: [severity="warning"]
          equal: [alertname, cluster]
        - source_match: {severity: page}
          target_match_re: {severity: "warn.*"}
        receivers:
        - name: team-default
          webhook_configs:
          - url: http://127.0.0.1:9/hook
            max_alerts: 10
          slack_configs:
          - channel: '#alerts'
            send_resolved: true
            title: Alerts
        - name: pager
          pagerduty_configs:
          - routing_key: abc123
            severity: critical
            details: {runbook: http://wiki/runbook}
        - name: db-mail
          email_configs:
          - to: 'DB team <db@example.org>, oncall@example.org'
            headers: {subject: Database alert}
            send_resolved: true
        templates: []
        """

    @Test func loadsEverySupportedField() throws {
        let configuration = try NotifyConfiguration.parse(Array(Self.sample.utf8), fileName: "am.yml")
        #expect(configuration.global.resolveTimeout == .seconds(120))
        #expect(configuration.global.slackAPIURL == "http://127.0.0.1:9/slack")
        #expect(configuration.route.receiver == "team-default")
        #expect(configuration.route.groupBy == ["alertname", "cluster"])
        #expect(configuration.route.groupWait == nil)
        let pager = configuration.route.routes[0]
        #expect(pager.matchers == ["severity=\"critical\"", "team=~\"ops|infra\""])
        #expect(pager.groupWait == .seconds(10) && pager.continueMatching)
        let database = configuration.route.routes[1]
        #expect(database.match == ["team": "db"] && database.matchRE == ["service": "^mysql.*"])
        #expect(database.groupBy == ["..."] && database.groupInterval == .seconds(60))
        #expect(database.repeatInterval == .seconds(7200))
        #expect(configuration.inhibitRules.count == 2)
        #expect(configuration.inhibitRules[0].equal == ["alertname", "cluster"])
        #expect(configuration.inhibitRules[1].sourceMatch == ["severity": "page"])
        #expect(configuration.inhibitRules[1].targetMatchRE == ["severity": "warn.*"])
        let receivers = configuration.receivers
        #expect(receivers.map(\.name) == ["team-default", "pager", "db-mail"])
        #expect(receivers[0].webhookConfigs == [WebhookConfiguration(url: "http://127.0.0.1:9/hook", maxAlerts: 10)])
        #expect(receivers[0].slackConfigs[0].channel == "#alerts" && receivers[0].slackConfigs[0].sendResolved)
        #expect(receivers[0].slackConfigs[0].apiURL == nil && receivers[0].slackConfigs[0].title == "Alerts")
        #expect(receivers[1].pagerdutyConfigs[0].routingKey == "abc123")
        #expect(receivers[1].pagerdutyConfigs[0].details == ["runbook": "http://wiki/runbook"])
        let email = try #require(receivers[2].emailConfigs.first)
        #expect(email.from == "alerts@example.org" && email.smarthost == "mail.example.org:25")
        #expect(email.hello == "tocsin.example.org" && email.authUsername == "alerts" && email.authPassword == "secret")
        #expect(email.headers == ["Subject": "Database alert"] && email.sendResolved)
    }

    @Test func httpsURLsLoadWithTheirTLSConfiguration() throws {
        let yaml = """
            global:
              slack_api_url: https://hooks.slack.com/services/T0/B0/x
              http_config: {tls_config: {server_name: relay.example}}
            route: {receiver: x}
            receivers:
            - name: x
              webhook_configs:
              - url: https://127.0.0.1:8443/hook
                http_config:
                  tls_config: {ca_file: certs/ca.pem, cert_file: /c.pem, key_file: c.key, insecure_skip_verify: true}
              slack_configs: [{channel: '#a'}]
              pagerduty_configs: [{routing_key: k}]
            """
        let configuration = try NotifyConfiguration.parse(Array(yaml.utf8), fileName: "/etc/am/am.yml")
        let receiver = try #require(configuration.receivers.first)
        #expect(
            receiver.webhookConfigs.first?.tlsConfig
                == TLSConfiguration(
                    caFile: "/etc/am/certs/ca.pem", certFile: "/c.pem", keyFile: "/etc/am/c.key",
                    insecureSkipVerify: true))
        #expect(receiver.slackConfigs.first?.tlsConfig == TLSConfiguration(serverName: "relay.example"))
        #expect(receiver.pagerdutyConfigs.first?.tlsConfig == TLSConfiguration(serverName: "relay.example"))
        #expect(configuration.global.pagerdutyURL == "https://events.pagerduty.com/v2/enqueue")
    }

    @Test func rootRouteGetsAlertmanagerDefaults() throws {
        let configuration = try NotifyConfiguration.parse(
            Array("route: {receiver: x}\nreceivers: [{name: x}]\n".utf8), fileName: "am.yml")
        let root = try RouteTree(configuration.route).root
        #expect(root.groupWait == 30_000 && root.groupInterval == 300_000 && root.repeatInterval == 14_400_000)
        #expect(configuration.global.resolveTimeout == .seconds(300))
    }

    @Test(arguments: [
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  opsgenie_configs: [{api_key: k}]\n",
            "am.yml:4:3: field opsgenie_configs is not supported by tocsin (supported: name, webhook_configs, "
                + "slack_configs, pagerduty_configs, email_configs)"
        ),
        (
            "route: {receiver: x}\nreceivers: [{name: x}]\ntime_intervals: []\n",
            "am.yml:3:1: field time_intervals is not supported by tocsin (supported: global, route, inhibit_rules, "
                + "receivers, templates)"
        ),
        (
            "route: {receiver: x, mute_time_intervals: [night]}\nreceivers: [{name: x}]\n",
            "am.yml:1:22: field mute_time_intervals is not supported by tocsin (supported: receiver, group_by, "
                + "continue, match, match_re, matchers, group_wait, group_interval, repeat_interval, routes)"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  webhook_configs:\n  - url: http://h/\n"
                + "    http_config: {basic_auth: {username: u}}\n",
            "am.yml:6:19: field basic_auth is not supported by tocsin (supported: tls_config)"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  webhook_configs:\n  - url: https://h/\n"
                + "    http_config: {tls_config: {key_file: k.pem}}\n",
            "am.yml:6:31: exactly one of cert or cert_file must be configured when a client key is configured"
        ),
        (
            "route: {receiver: x}\nreceivers: [{name: x}]\nroutes: []\n",
            "am.yml:3:1: field routes not found in type config.Config, and is not supported by tocsin (supported: "
                + "global, route, inhibit_rules, receivers, templates)"
        ),
        (
            "route: {receiver: x}\nreceivers: [{name: x}]\ntemplates: ['/etc/am/*.tmpl']\n",
            "am.yml:3:1: field templates is not supported by tocsin (no template engine: fields are sent as "
                + "written); remove the template files"
        ),
        (
            "route:\n  receiver: x\n  routes:\n  - receiver: y\nreceivers: [{name: x}]\n",
            "am.yml:4:15: undefined receiver \"y\" used in route"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n- name: x\n",
            "am.yml:4:3: notification config name \"x\" is not unique"
        ),
        ("route: {group_by: [a]}\nreceivers: [{name: x}]\n", "am.yml:1:8: root route must specify a default receiver"),
        ("receivers: [{name: x}]\n", "am.yml:1:1: no routes provided"),
        (
            "route:\n  receiver: x\n  routes:\n  - matchers: ['a=~\"(\"']\nreceivers: [{name: x}]\n",
            "am.yml:4:16: invalid matcher \"a=~\\\"(\\\"\": invalid regular expression \"(\""
        ),
        (
            "route: {receiver: x, group_interval: 0s}\nreceivers: [{name: x}]\n",
            "am.yml:1:38: group_interval cannot be zero"
        ),
        (
            "route: {receiver: x, group_by: ['...', job]}\nreceivers: [{name: x}]\n",
            "am.yml:1:33: cannot have wildcard group_by (`...`) and other other labels at the same time"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  webhook_configs: [{url: 'ftp://hooks.example/x'}]\n",
            "am.yml:4:27: url \"ftp://hooks.example/x\": expected an absolute http:// or https:// URL"
        ),
        (
            "global: {pagerduty_url: 'events.pagerduty.com'}\nroute: {receiver: x}\nreceivers:\n- name: x\n"
                + "  pagerduty_configs: [{routing_key: k}]\n",
            "am.yml:5:23: global pagerduty_url \"events.pagerduty.com\": expected an absolute http:// or https:// URL"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  slack_configs: [{channel: '#a'}]\n",
            "am.yml:4:19: no global Slack API URL set either inline or in a file"
        ),
        (
            "global: {smtp_smarthost: 'm:25', smtp_from: a@b}\nroute: {receiver: x}\nreceivers:\n- name: x\n"
                + "  email_configs: [{to: c@d}]\n",
            "am.yml:5:19: require_tls: true (Alertmanager's default, from global smtp_require_tls) is not "
                + "supported by tocsin: its email has no TLS; set require_tls: false (or global smtp_require_tls: false) to "
                + "send over plain TCP"
        ),
        (
            "route: {receiver: x}\nreceivers:\n- name: x\n  email_configs: [{to: c@d, require_tls: false}]\n",
            "am.yml:4:19: no global mail from address set"
        ),
    ])
    func rejectsWithPosition(yaml: String, message: String) {
        #expect(throws: YAMLError.self) {
            do {
                _ = try NotifyConfiguration.parse(Array(yaml.utf8), fileName: "am.yml")
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }

    @Test func recognisesAlertmanagerFiles() {
        #expect(NotifyConfiguration.isAlertmanagerFormat(Array("route: {receiver: x}\n".utf8)))
        #expect(NotifyConfiguration.isAlertmanagerFormat(Array("receivers: []\n".utf8)))
        #expect(!NotifyConfiguration.isAlertmanagerFormat(Array("scrape_configs: []\n".utf8)))
        #expect(!NotifyConfiguration.isAlertmanagerFormat(Array("route: [\n".utf8)))
    }

    @Test(.enabled(if: Peers.available("amtool"))) func amtoolAcceptsTheSample() throws {
        let amtool = try #require(Peers.path(of: "amtool"), "amtool is required (TOCSIN_REQUIRE_PEERS=1)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("alertmanager.yml")
        try Self.sample.write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(amtool, ["check-config", file.path], timeout: 30)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(throws: Never.self) { try NotifyConfiguration.load(fileAt: file.path) }
    }

    @Test(.enabled(if: Peers.available("amtool"))) func amtoolAlsoRejectsAnUndefinedReceiver() throws {
        let amtool = try #require(Peers.path(of: "amtool"), "amtool is required (TOCSIN_REQUIRE_PEERS=1)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("alertmanager.yml")
        try "route:\n  receiver: x\n  routes:\n  - receiver: y\nreceivers: [{name: x}]\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(amtool, ["check-config", file.path], timeout: 30)
        #expect(result.status != 0)
        #expect((result.standardOutput + result.standardError).contains("undefined receiver \"y\" used in route"))
        #expect(throws: YAMLError.self) { try NotifyConfiguration.load(fileAt: file.path) }
    }
}
