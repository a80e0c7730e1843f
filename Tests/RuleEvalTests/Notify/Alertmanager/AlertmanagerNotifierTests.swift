import Dispatch
import Exporter
import Glibc
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// The notifier against local HTTP receivers on 127.0.0.1: batching, fan-out, errors, overflow and draining.
@Suite(.timeLimit(.minutes(1)))
struct AlertmanagerNotifierTests {
    /// An HTTP server that records the `alertname`s of every alert batch posted to `path`.
    final class Receiver: Sendable {
        /// The recorded batches, shared with the request handler.
        final class BatchLog: Sendable {
            let batches = Mutex<[[String]]>([])
        }

        let log = BatchLog()
        let server: HTTPServer
        let port: Int

        init(
            path: String = "/api/v2/alerts", status: HTTPStatus = .ok,
            beforeAnswering: @escaping @Sendable () -> Void = {}
        )
            throws
        {
            var router = Router()
            let log = self.log
            router.register(path, methods: [.post]) { request in
                var names: [String] = []
                if case .array(let alerts)? = try? JSONParser.parse(request.body) {
                    names = alerts.compactMap { $0["labels"]?["alertname"]?.stringValue }
                }
                log.batches.withLock { $0.append(names) }
                beforeAnswering()
                return HTTPResponse(status: status)
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
            port = try server.start()
        }

        func endpoint(pathPrefix: String = "") -> AlertmanagerEndpoint {
            AlertmanagerEndpoint(host: "127.0.0.1", port: port, pathPrefix: pathPrefix, timeout: .seconds(5))
        }

        deinit { server.shutdown(gracePeriod: .seconds(1)) }
    }

    static func alerts(_ names: some Sequence<Int>) -> [AlertmanagerAlert] {
        names.map {
            AlertmanagerAlert(
                labels: ["alertname": "A\($0)"], annotations: [:], startsAt: 1_000, endsAt: 2_000, generatorURL: "")
        }
    }

    static func value(_ notifier: AlertmanagerNotifier, _ name: String, _ labels: Labels = [:]) -> Double? {
        notifier.collect().flatMap(\.samples).first { $0.name == name && $0.labels == labels }?.value
    }

    @Test func sendsBatchesOfAtMost64InOrderAndDrainsOnStop() throws {
        let receiver = try Receiver()
        let notifier = AlertmanagerNotifier(endpoints: [receiver.endpoint()])
        notifier.send(Self.alerts(0..<150))
        notifier.stop(drainingFor: .seconds(10))
        let batches = receiver.log.batches.withLock { $0 }
        #expect(batches.map(\.count) == [64, 64, 22])
        #expect(batches.flatMap { $0 } == (0..<150).map { "A\($0)" })
        let url = receiver.endpoint().url
        #expect(Self.value(notifier, "tocsin_notifications_sent_total", ["alertmanager": url]) == 150)
        #expect(Self.value(notifier, "tocsin_notifications_errors_total", ["alertmanager": url]) == 0)
        #expect(Self.value(notifier, "tocsin_notifications_latency_seconds_count", ["alertmanager": url]) == 3)
        #expect(Self.value(notifier, "tocsin_notifications_queue_length") == 0)
        #expect(Self.value(notifier, "tocsin_notifications_dropped_total") == 0)
        notifier.send(Self.alerts(0..<1))
        #expect(notifier.queuedCount == 0, "a stopped notifier accepts no more alerts")
    }

    @Test func failingAlertmanagerCountsErrorsWhileTheOtherReceives() throws {
        let good = try Receiver(path: "/prefix/api/v2/alerts")
        let failing = try Receiver(status: HTTPStatus(code: 500, reasonPhrase: "Internal Server Error"))
        let notifier = AlertmanagerNotifier(
            endpoints: [good.endpoint(pathPrefix: "/prefix"), failing.endpoint()], externalLabels: ["region": "eu"])
        notifier.send(Self.alerts(0..<3))
        notifier.stop(drainingFor: .seconds(10))
        #expect(good.log.batches.withLock { $0 } == [["A0", "A1", "A2"]])
        #expect(failing.log.batches.withLock { $0 } == [["A0", "A1", "A2"]])
        let goodURL = good.endpoint(pathPrefix: "/prefix").url
        let failingURL = failing.endpoint().url
        #expect(Self.value(notifier, "tocsin_notifications_sent_total", ["alertmanager": goodURL]) == 3)
        #expect(Self.value(notifier, "tocsin_notifications_errors_total", ["alertmanager": goodURL]) == 0)
        #expect(Self.value(notifier, "tocsin_notifications_sent_total", ["alertmanager": failingURL]) == 3)
        #expect(Self.value(notifier, "tocsin_notifications_errors_total", ["alertmanager": failingURL]) == 3)
    }

    @Test func overflowDropsTheOldestQueuedAlerts() throws {
        let firstArrived = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let calls = Atomic<Int>(0)
        let receiver = try Receiver {
            if calls.add(1, ordering: .relaxed).newValue == 1 {
                firstArrived.signal()
                _ = release.wait(timeout: .now() + 10)
            }
        }
        let notifier = AlertmanagerNotifier(endpoints: [receiver.endpoint()], capacity: 3)
        notifier.send(Self.alerts(0..<1))
        #expect(firstArrived.wait(timeout: .now() + 10) == .success)
        notifier.send(Self.alerts(1..<3))
        notifier.send(Self.alerts(3..<6))
        #expect(notifier.queuedCount == 3)
        #expect(Self.value(notifier, "tocsin_notifications_dropped_total") == 2)
        #expect(Self.value(notifier, "tocsin_notifications_queue_length") == 3)
        release.signal()
        notifier.stop(drainingFor: .seconds(10))
        #expect(receiver.log.batches.withLock { $0 } == [["A0"], ["A3", "A4", "A5"]])
    }

    @Test func drainDeadlineDropsWhatCouldNotBeSent() throws {
        let release = DispatchSemaphore(value: 0)
        let receiver = try Receiver { _ = release.wait(timeout: .now() + 3) }
        let notifier = AlertmanagerNotifier(endpoints: [receiver.endpoint()])
        notifier.send(Self.alerts(0..<100))
        notifier.stop(drainingFor: .milliseconds(200))
        release.signal()
        #expect(receiver.log.batches.withLock { $0.count } <= 1)
        // The first batch was in flight; the remaining 36 were dropped at the deadline or are about to be.
        for _ in 0..<50 where Self.value(notifier, "tocsin_notifications_dropped_total") != 36 {
            usleep(100_000)
        }
        #expect(Self.value(notifier, "tocsin_notifications_dropped_total") == 36)
    }
}
