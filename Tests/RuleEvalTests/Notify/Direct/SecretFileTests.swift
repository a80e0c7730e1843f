import Exporter
import Foundation
import PromText
import Testing

@testable import RuleEval

/// `url_file`, `api_url_file` (and `global.slack_api_url_file`), `routing_key_file` and `auth_password_file`:
/// checked at load as Alertmanager checks them, read at every delivery attempt.
@Suite struct SecretFileTests {
    typealias Dispatch = DirectDispatcherTests

    /// A scratch file removed at the end of a test.
    final class ScratchFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-secret-\(UUID().uuidString)")
            .path
        func write(_ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func parse(_ receivers: String, global: String = "") throws -> NotifyConfiguration {
        let yaml =
            "global:\n  smtp_require_tls: false\n\(global)route: {receiver: x}\nreceivers:\n- name: x\n\(receivers)"
        return try NotifyConfiguration.parse(Array(yaml.utf8), fileName: "am.yml")
    }

    @Test func filesAreLoadedAsPaths() throws {
        let configuration = try Self.parse(
            """
              webhook_configs: [{url_file: /run/url}]
              slack_configs: [{api_url_file: /run/slack}, {channel: '#b'}]
              pagerduty_configs: [{routing_key_file: /run/key, url: 'http://127.0.0.1:9/pd'}]
              email_configs: [{to: a@b, from: c@d, smarthost: 'm:25', auth_password_file: /run/pw}]

            """, global: "  slack_api_url_file: /run/global-slack\n")
        let receiver = try #require(configuration.receivers.first)
        #expect(receiver.webhookConfigs.first?.urlFile == "/run/url")
        #expect(receiver.slackConfigs.first?.apiURLFile == "/run/slack")
        #expect(configuration.global.slackAPIURLFile == "/run/global-slack")
        #expect(receiver.pagerdutyConfigs.first?.routingKeyFile == "/run/key")
        #expect(receiver.pagerdutyConfigs.first?.routingKey == "")
        #expect(receiver.emailConfigs.first?.authPasswordFile == "/run/pw")
    }

    @Test func emailInheritsTheGlobalPasswordFile() throws {
        let configuration = try Self.parse(
            "  email_configs: [{to: a@b, from: c@d, smarthost: 'm:25'}]\n",
            global: "  smtp_auth_password_file: /run/pw\n")
        #expect(configuration.receivers.first?.emailConfigs.first?.authPasswordFile == "/run/pw")
    }

    @Test(arguments: [
        (
            "  webhook_configs: [{url: 'http://h/x', url_file: /f}]\n",
            "am.yml:6:41: at most one of url & url_file must be configured"
        ),
        ("  webhook_configs: [{url_file: ''}]\n", "am.yml:6:21: one of url or url_file must be configured"),
        (
            "  slack_configs: [{api_url: 'http://h/x', api_url_file: /f}]\n",
            "am.yml:6:43: at most one of api_url & api_url_file must be configured"
        ),
        (
            "  pagerduty_configs: [{routing_key: k, routing_key_file: /f, url: 'http://h/x'}]\n",
            "am.yml:6:40: at most one of routing_key & routing_key_file must be configured"
        ),
        (
            "  email_configs: [{to: a@b, from: c@d, smarthost: 'm:25', auth_password: p, auth_password_file: /f}]\n",
            "am.yml:6:77: at most one of auth_password & auth_password_file must be configured"
        ),
    ])
    func inlineAndFileTogetherAreRejected(receivers: String, message: String) {
        #expect(throws: YAMLError.self) {
            do {
                _ = try Self.parse(receivers)
            } catch {
                #expect("\(error)" == message)
                throw error
            }
        }
    }

    @Test func globalSlackURLAndFileTogetherAreRejected() {
        #expect(throws: YAMLError.self) {
            do {
                _ = try Self.parse(
                    "  webhook_configs: [{url: 'http://h/x'}]\n",
                    global: "  slack_api_url: http://h/s\n  slack_api_url_file: /f\n")
            } catch {
                #expect(
                    "\(error)" == "am.yml:4:3: at most one of slack_api_url & slack_api_url_file must be configured")
                throw error
            }
        }
    }

    @Test func webhookURLFileIsReadAtEveryAttemptAndAMissingFileIsRetried() throws {
        let first = try TestNotificationReceiver()
        defer { first.close() }
        let second = try TestNotificationReceiver()
        defer { second.close() }
        let file = ScratchFile()
        let log = Dispatch.LogLines()
        let dispatcher = try DirectDispatcher(
            configuration: Dispatch.configuration(receivers: "  webhook_configs: [{url_file: '\(file.path)'}]"),
            storagePath: Dispatch.Storage().path, options: Dispatch.options(log))
        defer { dispatcher.stop(drainingFor: .seconds(1)) }

        dispatcher.send([Dispatch.alert()])
        #expect(Dispatch.eventually { log.text.contains("could not read \(file.path)") })
        try file.write(first.url + "\n")
        #expect(first.waitForRequests(1).count == 1)

        try file.write(second.url + "\n")
        dispatcher.send([Dispatch.alert(instance: "db2")])
        #expect(second.waitForRequests(1).count == 1)
        #expect(first.requests.count == 1)
        #expect(Dispatch.eventually { Dispatch.sample(dispatcher.collect(), "tocsin_notifications_total") == 2 })
        #expect(Dispatch.sample(dispatcher.collect(), "tocsin_notifications_failed_total") == 0)
        #expect(log.text.contains("Notify attempt failed, will retry"))
    }

    @Test func pagerDutyRoutingKeyComesFromTheFile() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        let file = ScratchFile()
        try file.write("rotated-key\n")
        let dispatcher = try DirectDispatcher(
            configuration: Dispatch.configuration(
                receivers: "  pagerduty_configs: [{routing_key_file: '\(file.path)', url: '\(receiver.url)'}]"),
            storagePath: Dispatch.Storage().path, options: Dispatch.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Dispatch.alert()])
        let request = try #require(receiver.waitForRequests(1).first)
        let body = try #require(request.json as? [String: Any])
        #expect(body["routing_key"] as? String == "rotated-key")
        #expect((body["payload"] as? [String: Any])?["summary"] as? String == "[FIRING:1] DiskFull (db1)")
    }

    @Test func emailPasswordComesFromTheFile() throws {
        let server = try TestSMTPServer()
        let file = ScratchFile()
        try file.write("s3cret\n")
        let receivers =
            "  email_configs: [{to: ops@example.org, auth_username: user, auth_password_file: '\(file.path)'}]"
        let global = """
              smtp_smarthost: 127.0.0.1:\(server.port)
              smtp_from: tocsin@example.org
              smtp_require_tls: false
            """
        let dispatcher = try DirectDispatcher(
            configuration: Dispatch.configuration(receivers: receivers, extraGlobal: global),
            storagePath: Dispatch.Storage().path, options: Dispatch.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Dispatch.alert()])
        let session = server.session()
        #expect(session.commands.contains("AUTH PLAIN " + Base64.encode(Array("\0user\0s3cret".utf8))))
    }
}
