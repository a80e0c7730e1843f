import Synchronization
import Testing

@testable import Exporter

@Suite struct HealthChecksTests {
    final class ManualClock: Sendable {
        let instant = Mutex(ContinuousClock.now)
        func advance(by duration: Duration) { instant.withLock { $0 += duration } }
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
    }

    @Test func plainProbeAnswersOkOr503WithTheReason() {
        let health = HealthChecks()
        let readiness = health.handler(for: .readiness)
        let starting = readiness(HTTPRequest(method: .get, target: "/health/ready"))
        #expect(starting.status == .serviceUnavailable)
        #expect(String(decoding: starting.body, as: UTF8.self) == "readiness failed: lifecycle: starting\n")
        health.markStartupComplete()
        let ready = readiness(HTTPRequest(method: .get, target: "/health/ready"))
        #expect(ready.status == .ok)
        #expect(String(decoding: ready.body, as: UTF8.self) == "ok\n")
    }

    @Test func verboseOrHealthJSONAcceptGivesTheDraftShape() {
        let health = HealthChecks()
        health.markStartupComplete()
        health.registerReadinessCheck("rules") { .fail("2 files failed to load: \"a.yml\"") }
        let handler = health.handler(for: .readiness)
        for request in [
            HTTPRequest(method: .get, target: "/health/ready?verbose"),
            HTTPRequest(method: .get, target: "/health/ready", headers: ["accept": "application/health+json; q=1"]),
        ] {
            let response = handler(request)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers["Content-Type"] == "application/health+json")
            let json = String(decoding: response.body, as: UTF8.self)
            let time = json.split(separator: "\"time\":\"").dropFirst().first?.prefix(24) ?? ""
            #expect(time.count == 24 && time.hasSuffix("Z"))
            #expect(
                json == "{\"status\":\"fail\",\"checks\":{\"lifecycle\":[{\"status\":\"pass\",\"time\":\"\(time)\"}],"
                    + "\"rules\":[{\"status\":\"fail\",\"output\":\"2 files failed to load: \\\"a.yml\\\"\","
                    + "\"time\":\"\(time)\"}]}}\n")
        }
    }

    @Test func readinessCheckCanBeReplacedByName() {
        let health = HealthChecks()
        health.markStartupComplete()
        health.registerReadinessCheck("db") { .fail("down") }
        health.registerReadinessCheck("db") { .pass }
        #expect(health.report(for: .readiness).isPassing)
        #expect(health.report(for: .readiness).checks.map(\.name) == ["lifecycle", "db"])
    }

    @Test func heartbeatWatchdogUsesTheInjectedClock() {
        let clock = ManualClock()
        let health = HealthChecks(now: { clock.now })
        health.markStartupComplete()
        health.registerHeartbeat("collection", staleAfter: .seconds(30))
        clock.advance(by: .seconds(31))
        #expect(health.report(for: .liveness).status == .fail)
        health.heartbeat("collection")
        #expect(health.report(for: .liveness).status == .pass)
    }

    @Test func registersTheThreeProbesOnARouter() {
        let health = HealthChecks()
        var router = Router()
        health.register(on: &router, endpoints: HealthEndpoints(liveness: "/-/healthy", readiness: "/-/ready"))
        #expect(
            router.respond(to: HTTPRequest(method: .get, target: "/health/startup")).response.status
                == .serviceUnavailable)
        #expect(router.respond(to: HTTPRequest(method: .get, target: "/-/healthy")).response.status == .ok)
        #expect(
            router.respond(to: HTTPRequest(method: .head, target: "/-/ready")).response.status == .serviceUnavailable)
        #expect(router.respond(to: HTTPRequest(method: .get, target: "/health/live")).response.status == .notFound)
    }
}
