import Exporter
import Glibc
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// End to end in one process: a scripted target on 127.0.0.1, the service scraping it every 250 ms and evaluating
/// rules every 500 ms, observed through its status values, its engine and its `/metrics`.
@Suite(.serialized) struct EvaluatorServiceTests {
    /// A target whose exposition the test sets; `nil` makes it answer 500.
    final class ScriptedTarget: Sendable {
        final class Exposition: Sendable {
            let text = Mutex<String?>("")
        }

        let body = Exposition()
        let server: HTTPServer
        let port: Int

        init() throws {
            let body = self.body
            var router = Router()
            router.register("/metrics") { _ in
                guard let text = body.text.withLock({ $0 }) else { return .text("down", status: .internalServerError) }
                return HTTPResponse(
                    status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"], body: Array(text.utf8))
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
            port = try server.start()
        }

        func expose(_ text: String?) { body.text.withLock { $0 = text } }
    }

    /// A scratch directory with `prometheus.yml` scraping `port` (and alerting `alertmanager` when given) and
    /// `rules.yml` holding `rules`.
    static func writeConfiguration(port: Int, rules: String, alertmanager: String? = nil) throws -> String {
        var template = Array("/tmp/tocsin-service-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        try AtomicFile.write(
            Array(
                """
                global:
                  scrape_interval: 250ms
                  scrape_timeout: 200ms
                  evaluation_interval: 500ms
                  external_labels: {site: test}
                rule_files: [rules.yml]
                \(alertmanager.map { "alerting: {alertmanagers: [{static_configs: [{targets: ['\($0)']}]}]}" } ?? "")
                scrape_configs:
                  - job_name: scripted
                    static_configs: [{targets: ['127.0.0.1:\(port)']}]

                """.utf8), to: directory + "/prometheus.yml")
        try AtomicFile.write(Array(rules.utf8), to: directory + "/rules.yml")
        return directory
    }

    static let rules = """
        groups:
          - name: test
            rules:
              - record: job:demo:doubled
                expr: demo * 2
              - alert: DemoHigh
                expr: job:demo:doubled > 10
                for: 1500ms
                labels: {severity: page}
                annotations: {summary: 'demo is {{ $value }}'}

        """

    /// A scripted target exposing `exposition` and a started service scraping it with ``rules``.
    struct Running {
        let target: ScriptedTarget
        let directory: String
        let service: EvaluatorService
        let port: Int

        init(exposing exposition: String, enableLifecycle: Bool = true, notifications: String? = nil) throws {
            target = try ScriptedTarget()
            target.expose(exposition)
            directory = try EvaluatorServiceTests.writeConfiguration(port: target.port, rules: rules)
            var configuration = EvaluatorConfiguration()
            if let notifications {
                try AtomicFile.write(Array(notifications.utf8), to: directory + "/notifications.yml")
                configuration.notifierConfigFile = directory + "/notifications.yml"
            }
            configuration.configFile = directory + "/prometheus.yml"
            configuration.listenAddress = "127.0.0.1:0"
            configuration.storagePath = directory + "/data"
            configuration.enableLifecycle = enableLifecycle
            service = try EvaluatorService(configuration: configuration, logger: Logger(level: .error, format: .logfmt))
            port = try service.start()
        }

        func stop() {
            service.stop()
            target.server.shutdown(gracePeriod: .zero)
        }
    }

    /// An Alertmanager-format file routing every alert, grouped by name and sent at once, to the webhook at
    /// `http://127.0.0.1:<port>/hook`.
    static func webhookNotifications(port: Int) -> String {
        """
        route:
          receiver: hook
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
        receivers:
          - name: hook
            webhook_configs: [{url: 'http://127.0.0.1:\(port)/hook'}]

        """
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    static func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        for _ in 0..<Int(seconds * 20) {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func alert(_ service: EvaluatorService) -> Alert? {
        service.ruleGroups().first?.rules.last?.alerts.first
    }

    static func instant(_ service: EvaluatorService, _ query: String) -> [InstantSample] {
        guard case .vector(let samples) = try? service.engine.evaluate(query, at: ScrapeManager.realTimeMilliseconds())
        else { return [] }
        return samples
    }

    @Test func alertGoesPendingThenFiringAfterItsHoldAndResolves() throws {
        let running = try Running(exposing: "demo 7\n")
        defer { running.stop() }
        let (target, service) = (running.target, running.service)

        #expect(Self.eventually { Self.alert(service)?.state == .pending })
        #expect(Self.eventually { Self.alert(service)?.state == .firing })
        let alert = try #require(Self.alert(service))
        let firedAt = try #require(alert.firedAt)
        // Fires at the first evaluation at least `for` after it became active: the 3rd slot after activation.
        #expect(firedAt - alert.activeAt == 1500)
        #expect(alert.labels["severity"] == "page")
        #expect(alert.annotations["summary"] == "demo is 14")
        #expect(Self.instant(service, "job:demo:doubled").first?.value == 14)
        #expect(Self.instant(service, #"ALERTS{alertname="DemoHigh",alertstate="firing"}"#).count == 1)
        #expect(Self.instant(service, "ALERTS_FOR_STATE").first?.value == Double(alert.activeAt / 1000))

        target.expose("demo 1\n")
        #expect(Self.eventually { Self.alert(service) == nil })
        #expect(Self.eventually { Self.instant(service, "ALERTS").isEmpty })
        #expect(service.health.report(for: .readiness).status == .pass)
    }

    @Test func failedTargetGoesDownAndItsSeriesGoStale() throws {
        let running = try Running(exposing: "demo 3\n")
        defer { running.stop() }
        let (target, service) = (running.target, running.service)

        #expect(Self.eventually { Self.instant(service, "up").first?.value == 1 })
        #expect(Self.eventually { Self.instant(service, "job:demo:doubled").first?.value == 6 })
        target.expose(nil)
        #expect(Self.eventually { Self.instant(service, "up").first?.value == 0 })
        #expect(Self.instant(service, "demo").isEmpty)
        #expect(Self.eventually { Self.instant(service, "job:demo:doubled").isEmpty })
        #expect(service.targets().first?.health == .down)
        #expect(service.targets().first?.lastError.isEmpty == false)
    }

    @Test func brokenReloadKeepsTheRunningRulesAndGoodReloadKeepsAlertState() throws {
        let running = try Running(exposing: "demo 7\n")
        defer { running.stop() }
        let (directory, service, port) = (running.directory, running.service, running.port)
        #expect(Self.eventually { Self.alert(service)?.state == .firing })
        let firing = try #require(Self.alert(service))

        try AtomicFile.write(
            Array("groups:\n  - name: test\n    rules:\n      - alert: Broken\n        expr: sum(\n".utf8),
            to: directory + "/rules.yml")
        let error = try #require(service.reload())
        #expect(error.contains("rules.yml:5:15"))
        let metrics = String(decoding: try #require(fetch(port: port, path: "/metrics")).body, as: UTF8.self)
        #expect(metrics.contains("tocsin_config_last_reload_successful 0\n"))
        #expect(service.ruleGroups().first?.rules.map(\.name) == ["job:demo:doubled", "DemoHigh"])
        usleep(1_000_000)
        #expect(Self.alert(service)?.state == .firing)

        try AtomicFile.write(Array(Self.rules.utf8), to: directory + "/rules.yml")
        let reload = try #require(fetch(port: port, path: "/-/reload", method: .post))
        #expect(reload.status == 200)
        #expect(Self.alert(service)?.activeAt == firing.activeAt)
        #expect(Self.alert(service)?.firedAt == firing.firedAt)
        let after = String(decoding: try #require(fetch(port: port, path: "/metrics")).body, as: UTF8.self)
        #expect(after.contains("tocsin_config_last_reload_successful 1\n"))
    }

    @Test func directDispatchDeliversFiringThenResolvedToAWebhook() throws {
        let receiver = try RestartTests.RecordingReceiver(path: "/hook")
        defer { receiver.server.shutdown(gracePeriod: .zero) }
        let running = try Running(
            exposing: "demo 7\n",
            notifications: Self.webhookNotifications(port: receiver.port))
        defer { running.stop() }
        #expect(Self.eventually { receiver.bodies().contains { $0["status"]?.stringValue == "firing" } })
        running.target.expose("demo 1\n")
        #expect(Self.eventually { receiver.bodies().contains { $0["status"]?.stringValue == "resolved" } })
        let firing = try #require(receiver.bodies().first)
        #expect(firing["groupLabels"]?["alertname"]?.stringValue == "DemoHigh")
        #expect(firing["alerts"]?.arrayValue?.first?["labels"]?["site"]?.stringValue == "test")
        let metrics = String(decoding: try #require(fetch(port: running.port, path: "/metrics")).body, as: UTF8.self)
        #expect(metrics.contains(#"tocsin_notifications_total{integration="webhook"} "#))
    }

    /// A reload while evaluations are in flight (a group slower than its interval, raising a new alert each time)
    /// completes: old runners are stopped outside the lock their last evaluation needs to reach the notifiers.
    @Test(.timeLimit(.minutes(1))) func reloadsWhileAnEvaluationIsInFlight() throws {
        let running = try Running(exposing: "demo 7\n")
        defer { running.stop() }
        let slow = """
            groups:
              - name: slow
                rules:
                  - record: job:slow:count
                    expr: count_over_time(vector(1)[15m:1ms])
                  - alert: EveryEvaluation
                    expr: vector(time())
                    labels: {at: '{{ $value }}'}

            """
        try AtomicFile.write(Array(slow.utf8), to: running.directory + "/rules.yml")
        #expect(running.service.reload() == nil)
        #expect(Self.eventually { running.service.ruleGroups().first?.lastEvaluation != nil })
        for _ in 0..<3 {
            #expect(running.service.reload() == nil)
            usleep(100_000)
        }
        #expect(running.service.ruleGroups().map(\.name) == ["slow"])
    }

    @Test func lifecycleEndpointsNeedTheFlag() throws {
        let running = try Running(exposing: "", enableLifecycle: false)
        defer { running.stop() }
        let port = running.port
        #expect(fetch(port: port, path: "/-/reload", method: .post)?.status == 403)
        for path in DocumentedInterface.ruleEvaluator.paths where path != "/-/reload" {
            #expect([200, 503].contains(fetch(port: port, path: path)?.status), "\(path)")
        }
    }
}

/// One HTTP exchange with the service on 127.0.0.1.
func fetch(port: Int, path: String, method: HTTPMethod = .get) -> HTTPClientResponse? {
    try? HTTPClient(timeout: .seconds(5)).send(method, host: "127.0.0.1", port: port, target: path)
}
