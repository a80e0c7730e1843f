import Exporter
import Foundation
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// ``DirectDispatcher`` end to end: real time (intervals of a few hundred milliseconds), test receivers on
/// 127.0.0.1, a scratch storage path.
@Suite struct DirectDispatcherTests {
    /// A scratch storage directory, removed at the end of a test.
    final class Storage {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-direct-\(UUID().uuidString)")
            .path
        var outboxFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path + "/outbox")) ?? []).filter {
                $0.hasSuffix(".json")
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Log lines, for checking what the receiver answered.
    final class LogLines: Sendable {
        let lines = Mutex<[String]>([])
        var logger: Logger {
            Logger(level: .debug, format: .logfmt) { line in self.lines.withLock { $0.append(line) } }
        }
        var text: String { lines.withLock { $0.joined() } }
    }

    static func configuration(receivers: String, extraGlobal: String = "") throws -> NotifyConfiguration {
        let yaml = """
            global:
              pagerduty_url: http://127.0.0.1:9/unused
            \(extraGlobal)
            route:
              receiver: team
              group_by: [alertname]
              group_wait: 0s
              group_interval: 200ms
              repeat_interval: 1h
            receivers:
            - name: team
            \(receivers)
            """
        return try NotifyConfiguration.parse(Array(yaml.utf8), fileName: "am.yml")
    }

    static func options(_ log: LogLines = LogLines(), initialRetry: Int64 = 20) -> DirectDispatcher.Options {
        var options = DirectDispatcher.Options()
        options.requestTimeout = .seconds(2)
        options.retryPolicy.initialInterval = initialRetry
        options.retryPolicy.maxInterval = max(50, initialRetry)
        options.externalURL = "http://am.example"
        options.logger = log.logger
        return options
    }

    static func alert(_ name: String = "DiskFull", instance: String = "db1", resolved: Bool = false) -> NotifierAlert {
        let now = DirectDispatcher.wallClockMilliseconds()
        return NotifierAlert(
            labels: ["alertname": name, "instance": instance], annotations: ["summary": "disk full"],
            startsAt: now - 60_000, endsAt: resolved ? now : nil, generatorURL: "http://prom/graph")
    }

    static func sample(_ families: [MetricFamily], _ name: String, integration: String = "webhook") -> Double? {
        families.first { $0.name == name }?.samples.first {
            integration.isEmpty || $0.labels.value(of: "integration") == integration
        }?.value
    }

    /// Polls until `condition` holds, at most `seconds`.
    static func eventually(seconds: Double = 3, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() >= deadline { return false }
            usleep(10_000)
        }
        return true
    }

    @Test func firingThenResolvedArriveWithStableKeys() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        let storage = Storage()
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: storage.path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }

        dispatcher.send([Self.alert()])
        let firing = try #require(receiver.waitForRequests(1).first)
        let firingBody = try #require(firing.json as? [String: Any])
        #expect(firingBody["status"] as? String == "firing")
        #expect(firingBody["groupKey"] as? String == "{}:{alertname=\"DiskFull\"}")
        #expect(firing.headers["content-type"] == "application/json")
        let firingKey = try #require(firing.headers["idempotency-key"])
        #expect(firingKey.count == 64)

        dispatcher.send([Self.alert(resolved: true)])
        let requests = receiver.waitForRequests(2)
        try #require(requests.count == 2)
        let resolvedBody = try #require(requests[1].json as? [String: Any])
        #expect(resolvedBody["status"] as? String == "resolved")
        #expect(requests[1].headers["idempotency-key"] != firingKey)
        #expect(Self.eventually { dispatcher.outboxLength == 0 && storage.outboxFiles.isEmpty })
        let metrics = dispatcher.collect()
        #expect(Self.sample(metrics, "tocsin_notifications_total") == 2)
        #expect(Self.sample(metrics, "tocsin_notification_requests_total") == 2)
        #expect(Self.sample(metrics, "tocsin_notification_outbox_length", integration: "") == 0)
        #expect(Self.eventually { FileManager.default.fileExists(atPath: storage.path + "/notification-log.json") })
    }

    @Test func unchangedGroupIsNotRenotifiedBeforeTheRepeatInterval() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        let storage = Storage()
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: storage.path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        receiver.waitForRequests(1)
        dispatcher.send([Self.alert()])
        // Three group intervals: a repeat would have arrived by now.
        usleep(600_000)
        #expect(receiver.requests.count == 1)
        dispatcher.send([Self.alert(instance: "db2")])
        #expect(receiver.waitForRequests(2).count == 2)
    }

    @Test func retriesServerErrorsRateLimitsAndDroppedConnectionsWithTheSameKey() throws {
        let receiver = try TestNotificationReceiver(script: [
            .status(500), .status(429, headers: ["Retry-After": "0"]), .drop, .status(503), .ok,
        ])
        defer { receiver.close() }
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: Storage().path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        let requests = receiver.waitForRequests(5)
        try #require(requests.count == 5)
        #expect(Set(requests.compactMap { $0.headers["idempotency-key"] }).count == 1)
        #expect(Set(requests.map(\.body)).count == 1)
        #expect(Self.eventually { Self.sample(dispatcher.collect(), "tocsin_notifications_total") == 1 })
        let metrics = dispatcher.collect()
        #expect(Self.sample(metrics, "tocsin_notification_requests_total") == 5)
        #expect(Self.sample(metrics, "tocsin_notifications_failed_total") == 0)
    }

    @Test func honoursRetryAfterSeconds() throws {
        let receiver = try TestNotificationReceiver(script: [.status(429, headers: ["Retry-After": "1"])])
        defer { receiver.close() }
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: Storage().path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        receiver.waitForRequests(1)
        let first = Date()
        receiver.waitForRequests(2)
        #expect(receiver.requests.count == 2)
        #expect(Date().timeIntervalSince(first) >= 0.9)
        // The group flushed four more times meanwhile; the identical notifications were folded into the one
        // being retried, so exactly two requests arrive.
        usleep(300_000)
        #expect(receiver.requests.count == 2)
    }

    @Test func clientErrorsAreNotRetriedAndTheAnswerIsLogged() throws {
        let receiver = try TestNotificationReceiver(script: [.status(400, body: "unknown field foo")])
        defer { receiver.close() }
        let log = LogLines()
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: Storage().path, options: Self.options(log))
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        #expect(Self.eventually { Self.sample(dispatcher.collect(), "tocsin_notifications_failed_total") == 1 })
        #expect(receiver.requests.count == 1)
        #expect(dispatcher.outboxLength == 0)
        #expect(log.text.contains("unknown field foo"))
        #expect(log.text.contains("unexpected status code 400"))
    }

    @Test func aHangingReceiverDoesNotDelayAnother() throws {
        let hanging = try TestNotificationReceiver(fallback: .hang(seconds: 3))
        let healthy = try TestNotificationReceiver()
        defer {
            hanging.close()
            healthy.close()
        }
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(
                receivers: "  webhook_configs: [{url: '\(hanging.url)'}, {url: '\(healthy.url)'}]"),
            storagePath: Storage().path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .zero) }
        let start = Date()
        dispatcher.send([Self.alert()])
        #expect(healthy.waitForRequests(1, seconds: 1).count == 1)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(Self.eventually(seconds: 1) { hanging.requests.count == 1 && dispatcher.outboxLength == 1 })
    }

    @Test func pendingNotificationsSurviveACrash() throws {
        let receiver = try TestNotificationReceiver(fallback: .status(503))
        defer { receiver.close() }
        let storage = Storage()
        let configuration = try Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]")
        let first = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: Self.options(initialRetry: 10_000))
        first.send([Self.alert()])
        let failed = try #require(receiver.waitForRequests(1).first)
        #expect(storage.outboxFiles.count == 1)
        // The crash: abandon the first dispatcher while it waits to retry.
        first.stop(drainingFor: .zero)
        receiver.answerFromNowOn(.ok)

        let second = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: Self.options())
        defer { second.stop(drainingFor: .seconds(1)) }
        let requests = receiver.waitForRequests(2)
        try #require(requests.count == 2)
        #expect(requests[1].headers["idempotency-key"] == failed.headers["idempotency-key"])
        #expect(requests[1].body == failed.body)
        #expect(Self.eventually { storage.outboxFiles.isEmpty && second.outboxLength == 0 })
        // The restored notification log knows the group was notified: the same alert does not notify again.
        second.send([Self.alert()])
        usleep(500_000)
        #expect(receiver.requests.count == 2)
    }

    @Test func notificationLogSurvivesARestart() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        let storage = Storage()
        let configuration = try Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]")
        let first = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: Self.options())
        first.send([Self.alert()])
        receiver.waitForRequests(1)
        first.stop(drainingFor: .seconds(1))
        let second = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: Self.options())
        defer { second.stop(drainingFor: .seconds(1)) }
        second.send([Self.alert()])
        usleep(500_000)
        #expect(receiver.requests.count == 1)
        second.send([Self.alert(resolved: true)])
        #expect(receiver.waitForRequests(2).count == 2)
    }

    @Test func slackAndPagerDutyPayloadsHaveTheirDocumentedShapes() throws {
        let slack = try TestNotificationReceiver()
        let pagerduty = try TestNotificationReceiver()
        defer {
            slack.close()
            pagerduty.close()
        }
        let receivers = """
              slack_configs: [{api_url: '\(slack.url)', channel: '#ops'}]
              pagerduty_configs: [{routing_key: rk, url: '\(pagerduty.url)'}]
            """
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: receivers), storagePath: Storage().path,
            options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        // Slack incoming webhook: channel, username, one attachment with title, title_link, color, fallback.
        let slackBody = try #require(slack.waitForRequests(1).first?.json as? [String: Any])
        #expect(slackBody["channel"] as? String == "#ops")
        #expect(slackBody["username"] as? String == "Alertmanager")
        let attachment = try #require((slackBody["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["title"] as? String == "[FIRING:1] DiskFull (db1)")
        #expect(attachment["title_link"] as? String == "http://am.example/#/alerts?receiver=team")
        #expect(attachment["color"] as? String == "danger")
        #expect(attachment["mrkdwn_in"] as? [String] == ["fallback", "pretext", "text"])
        // PagerDuty Events API v2: routing_key, dedup_key (SHA-256 of the group key), event_action, payload.
        let event = try #require(pagerduty.waitForRequests(1).first)
        let body = try #require(event.json as? [String: Any])
        #expect(body["routing_key"] as? String == "rk")
        #expect(body["event_action"] as? String == "trigger")
        #expect(body["dedup_key"] as? String == PagerDutyPayload.dedupKey(groupKey: "{}:{alertname=\"DiskFull\"}"))
        let payload = try #require(body["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "[FIRING:1] DiskFull (db1)")
        #expect(payload["severity"] as? String == "error" && payload["source"] as? String == "Alertmanager")
        #expect(event.headers["idempotency-key"]?.count == 64)
    }

    @Test func emailIsDeliveredThroughTheSmarthost() throws {
        let server = try TestSMTPServer()
        let receivers = "  email_configs: [{to: ops@example.org, send_resolved: true}]"
        let global = """
              smtp_smarthost: 127.0.0.1:\(server.port)
              smtp_from: tocsin@example.org
              smtp_require_tls: false
            """
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: receivers, extraGlobal: global), storagePath: Storage().path,
            options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert()])
        let session = server.session()
        #expect(session.commands.contains("RCPT TO:<ops@example.org>"))
        let message = String(decoding: session.data, as: UTF8.self)
        #expect(message.contains("Subject: [FIRING:1] DiskFull (db1)\r\n"))
        #expect(
            Self.eventually {
                Self.sample(dispatcher.collect(), "tocsin_notifications_total", integration: "email") == 1
            })
    }
}

extension DirectDispatcherTests {
    @Test func evaluatorAlertsGetExternalLabelsAndRelabeling() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: Storage().path, options: Self.options())
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        let now = DirectDispatcher.wallClockMilliseconds()
        let alert = AlertmanagerAlert(
            labels: ["alertname": "Up", "job": "node"], annotations: [:], startsAt: now - 60_000, endsAt: 0,
            generatorURL: "")
        dispatcher.send([alert], externalLabels: ["cluster": "eu1", "job": "ignored"])
        let body = try #require(receiver.waitForRequests(1).first?.json as? [String: Any])
        let alerts = try #require(body["alerts"] as? [[String: Any]])
        #expect(alerts.first?["labels"] as? [String: String] == ["alertname": "Up", "job": "node", "cluster": "eu1"])
        #expect(alerts.first?["endsAt"] as? String == "0001-01-01T00:00:00Z")
    }
}

extension DirectDispatcherTests {
    @Test func damagedStateFilesAreReportedNotTrusted() throws {
        let storage = Storage()
        try FileManager.default.createDirectory(atPath: storage.path + "/outbox", withIntermediateDirectories: true)
        try Data("{\"id\":".utf8).write(to: URL(fileURLWithPath: storage.path + "/outbox/torn.json"))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: storage.path + "/outbox/x.json.tmp"))
        let configuration = try Self.configuration(receivers: "  webhook_configs: [{url: 'http://127.0.0.1:9/'}]")
        let log = LogLines()
        let dispatcher = try DirectDispatcher(
            configuration: configuration, storagePath: storage.path, options: Self.options(log))
        dispatcher.stop(drainingFor: .zero)
        #expect(log.text.contains("Ignoring unreadable outbox file"))
        #expect(dispatcher.outboxLength == 0)
        #expect(!FileManager.default.fileExists(atPath: storage.path + "/outbox/x.json.tmp"))

        try Data("not json".utf8).write(to: URL(fileURLWithPath: storage.path + "/notification-log.json"))
        let error = #expect(throws: DirectDispatcherError.self) {
            try DirectDispatcher(configuration: configuration, storagePath: storage.path, options: Self.options())
        }
        #expect(error?.description.hasSuffix("notification-log.json: not a notification log") == true)
    }

    @Test func aConfigurationFileErrorNamesThePosition() throws {
        let storage = Storage()
        let file = storage.path + ".yml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("route: {receiver: x}\nreceivers: [{name: y}]\n".utf8).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: DirectDispatcherError.self) {
            try DirectDispatcher(configurationFile: file, storagePath: storage.path)
        }
        #expect(error?.description == "\(file):1:19: undefined receiver \"x\" used in route")
    }
}

extension DirectDispatcherTests {
    @Test func silencesFromTheSilenceSourceMuteAlerts() throws {
        let receiver = try TestNotificationReceiver()
        defer { receiver.close() }
        var store = SilenceStore()
        var generator = SystemRandomNumberGenerator()
        let now = DirectDispatcher.wallClockMilliseconds()
        _ = try store.set(
            Silence(
                matchers: [Silence.Matcher(name: "alertname", value: "Muted")], startsAt: now - 1000,
                endsAt: now + 3_600_000, createdBy: "test", comment: "maintenance"),
            now: now, using: &generator)
        var options = Self.options()
        let silences = store
        options.silences = { silences }
        let dispatcher = try DirectDispatcher(
            configuration: Self.configuration(receivers: "  webhook_configs: [{url: '\(receiver.url)'}]"),
            storagePath: Storage().path, options: options)
        defer { dispatcher.stop(drainingFor: .seconds(1)) }
        dispatcher.send([Self.alert("Muted"), Self.alert("Loud")])
        let body = try #require(receiver.waitForRequests(1).first?.json as? [String: Any])
        #expect(body["groupKey"] as? String == "{}:{alertname=\"Loud\"}")
        usleep(300_000)
        #expect(receiver.requests.count == 1)
    }
}
