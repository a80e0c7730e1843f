import Exporter
import Glibc
import PromText
import Synchronization
import TestSupport
import Testing

@testable import RuleEval

/// The real `tocsin-ruleeval` binary killed with SIGKILL while one alert is pending and another firing, then
/// restarted on the same `--storage.path`: the pending alert keeps its `for` progress, the firing one stays firing
/// with the same start, and the Alertmanager it notifies never sees a second start for it.
@Suite(.serialized) struct RestartTests {
    /// Records the JSON bodies POSTed to `path`: an Alertmanager's `/api/v2/alerts`, or a webhook.
    final class RecordingReceiver: Sendable {
        final class Received: Sendable {
            let bodies = Mutex<[JSONValue]>([])
        }

        let received = Received()
        let server: HTTPServer
        let port: Int

        init(path: String = "/api/v2/alerts") throws {
            let received = self.received
            var router = Router()
            router.register(path, methods: [.post]) { request in
                if let body = try? JSONParser.parse(request.body) {
                    received.bodies.withLock { $0.append(body) }
                }
                return HTTPResponse(status: .ok)
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
            port = try server.start()
        }

        /// Every body received, in order.
        func bodies() -> [JSONValue] { received.bodies.withLock { $0 } }

        /// The distinct `startsAt` values sent to an Alertmanager for alerts called `name`.
        func starts(of name: String) -> Set<String> {
            let alerts = bodies().flatMap { $0.arrayValue ?? [] }
            return
                Set(
                    alerts.filter { $0["labels"]?["alertname"]?.stringValue == name }.compactMap {
                        $0["startsAt"]?.stringValue
                    })
        }
    }

    static let rules = """
        groups:
          - name: restart
            rules:
              - alert: AlreadyFiring
                expr: demo > 0
                for: 1s
              - alert: StillPending
                expr: demo > 0
                for: 5s

        """

    /// `(state, activeAt in ms)` of the alert called `name` from `/api/v1/alerts`, or `nil`.
    static func alert(_ name: String, port: Int) -> (state: String, activeAt: Int64)? {
        guard let response = fetch(port: port, path: "/api/v1/alerts"), response.status == 200,
            case .array(let alerts)? = (try? JSONParser.parse(response.body))?["data"]?["alerts"],
            let alert = alerts.first(where: { $0["labels"]?["alertname"]?.stringValue == name }),
            let state = alert["state"]?.stringValue,
            let activeAt = alert["activeAt"]?.stringValue.flatMap(RFC3339Time.parse)
        else { return nil }
        return (state, activeAt)
    }

    static func start(_ directory: String, port: Int) throws -> BackgroundProcess {
        let process = try BackgroundProcess(
            Paths.executable("tocsin-ruleeval"),
            [
                "--config.file=\(directory)/prometheus.yml", "--web.listen-address=127.0.0.1:\(port)",
                "--storage.path=\(directory)/data", "--rules.alert.for-grace-period=1s",
                "--rules.alert.resend-delay=1s", "--web.drain-delay=0s",
            ])
        #expect(HTTPFetch.waitFor("http://127.0.0.1:\(port)/health/startup", timeout: 20), "\(process.log)")
        return process
    }

    @Test func killedEvaluatorRestoresPendingProgressAndKeepsFiringAlertsFiring() throws {
        let target = try EvaluatorServiceTests.ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 1\n")
        let alertmanager = try RecordingReceiver()
        defer { alertmanager.server.shutdown(gracePeriod: .zero) }
        let directory = try EvaluatorServiceTests.writeConfiguration(
            port: target.port, rules: Self.rules,
            alertmanager: "127.0.0.1:\(alertmanager.port)")
        let port = FreePort.next()

        let first = try Self.start(directory, port: port)
        #expect(
            EvaluatorServiceTests.eventually(within: 15) { Self.alert("AlreadyFiring", port: port)?.state == "firing" })
        #expect(EvaluatorServiceTests.eventually { !alertmanager.starts(of: "AlreadyFiring").isEmpty })
        let firing = try #require(Self.alert("AlreadyFiring", port: port))
        let pending = try #require(Self.alert("StillPending", port: port))
        #expect(pending.state == "pending")
        usleep(600_000)  // at least one more evaluation saved the state
        first.send(SIGKILL)
        #expect(first.waitForExit(timeout: 5) != nil)
        let killedAt = ScrapeManager.realTimeMilliseconds()

        let second = try Self.start(directory, port: port)
        defer { second.stop() }
        #expect(
            EvaluatorServiceTests.eventually(within: 10) {
                Self.alert("AlreadyFiring", port: port) != nil && Self.alert("StillPending", port: port) != nil
            }, "\(second.log)")
        let restartedAt = ScrapeManager.realTimeMilliseconds()
        let restoredFiring = try #require(Self.alert("AlreadyFiring", port: port))
        #expect(restoredFiring.state == "firing")
        #expect(restoredFiring.activeAt == firing.activeAt)
        let restoredPending = try #require(Self.alert("StillPending", port: port))
        #expect(restoredPending.state == "pending")
        // Prometheus's for-state restoration: the time spent pending before the outage counts, the outage does not.
        #expect(restoredPending.activeAt > pending.activeAt)
        #expect(restoredPending.activeAt - pending.activeAt <= restartedAt - killedAt + 1500)
        #expect(
            EvaluatorServiceTests.eventually(within: 10) { Self.alert("StillPending", port: port)?.state == "firing" })
        usleep(1_500_000)  // resends after the restart
        #expect(alertmanager.starts(of: "AlreadyFiring").count == 1)
    }
}

/// Direct dispatch across a crash: a notification that could not be delivered yet (the receiver answers 500)
/// is in the durable outbox when the evaluator is killed with SIGKILL; after a restart it is delivered, and every
/// delivery of it carries the same idempotency key.
@Suite(.serialized) struct DirectDispatchRestartTests {
    /// A webhook receiver that answers 500 while `failing` is set, recording every request.
    final class FlakyReceiver: Sendable {
        struct Request: Sendable {
            var idempotencyKey: String
            var status: String
            var answered: Int
        }

        final class State: Sendable {
            let failing = Mutex(true)
            let requests = Mutex<[Request]>([])
        }

        let state = State()
        let server: HTTPServer
        let port: Int

        init() throws {
            let state = self.state
            var router = Router()
            router.register("/hook", methods: [.post]) { request in
                let answer = state.failing.withLock { $0 } ? 500 : 200
                let status = (try? JSONParser.parse(request.body))?["status"]?.stringValue ?? "?"
                state.requests.withLock {
                    $0.append(
                        Request(
                            idempotencyKey: request.headers["idempotency-key"] ?? "", status: status, answered: answer))
                }
                return HTTPResponse(
                    status: HTTPStatus(code: answer, reasonPhrase: answer == 200 ? "OK" : "Internal Server Error"))
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
            port = try server.start()
        }

        var requests: [Request] { state.requests.withLock { $0 } }
    }

    @Test func undeliveredNotificationSurvivesKillAndIsDeliveredWithItsKey() throws {
        let target = try EvaluatorServiceTests.ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 1\n")
        let receiver = try FlakyReceiver()
        defer { receiver.server.shutdown(gracePeriod: .zero) }
        let directory = try EvaluatorServiceTests.writeConfiguration(
            port: target.port,
            rules: "groups:\n  - name: restart\n    rules:\n      - alert: AlreadyFiring\n        expr: demo > 0\n")
        try AtomicFile.write(
            Array(EvaluatorServiceTests.webhookNotifications(port: receiver.port).utf8),
            to: directory + "/notifications.yml")
        let port = FreePort.next()
        let arguments = [
            "--config.file=\(directory)/prometheus.yml", "--web.listen-address=127.0.0.1:\(port)",
            "--storage.path=\(directory)/data", "--notifier.config.file=\(directory)/notifications.yml",
            // No re-send from evaluation within the test: only the outbox can deliver after the restart.
            "--rules.alert.resend-delay=5m", "--web.drain-delay=0s",
        ]

        let first = try BackgroundProcess(Paths.executable("tocsin-ruleeval"), arguments)
        #expect(EvaluatorServiceTests.eventually(within: 15) { !receiver.requests.isEmpty }, "\(first.log)")
        first.send(SIGKILL)
        #expect(first.waitForExit(timeout: 5) != nil)
        let failedKeys = Set(receiver.requests.map(\.idempotencyKey))
        #expect(failedKeys.count == 1)
        #expect(failedKeys.first?.isEmpty == false)

        receiver.state.failing.withLock { $0 = false }
        let second = try BackgroundProcess(Paths.executable("tocsin-ruleeval"), arguments)
        defer { second.stop() }
        #expect(
            EvaluatorServiceTests.eventually(within: 20) { receiver.requests.contains { $0.answered == 200 } },
            "\(second.log)")
        let delivered = receiver.requests.filter { $0.answered == 200 }
        #expect(delivered.allSatisfy { failedKeys.contains($0.idempotencyKey) && $0.status == "firing" })
    }
}
