import Testing

@testable import Exporter

@Suite struct HealthStateMachineTests {
    let start = ContinuousClock.now

    func statuses(_ machine: HealthStateMachine, at now: ContinuousClock.Instant) -> [HealthProbe: HealthStatus] {
        Dictionary(uniqueKeysWithValues: HealthProbe.allCases.map { ($0, machine.report(for: $0, now: now).status) })
    }

    @Test func startingFailsStartupAndReadinessButNotLiveness() {
        let machine = HealthStateMachine()
        #expect(machine.phase == .starting)
        #expect(statuses(machine, at: start) == [.startup: .fail, .liveness: .pass, .readiness: .fail])
        #expect(
            machine.report(for: .readiness, now: start).checks == [.init(name: "lifecycle", result: .fail("starting"))])
    }

    @Test func startupCompleteMakesEveryProbePass() {
        var machine = HealthStateMachine()
        machine.markStartupComplete()
        #expect(machine.phase == .ready)
        #expect(statuses(machine, at: start) == [.startup: .pass, .liveness: .pass, .readiness: .pass])
    }

    @Test func shutdownFailsOnlyReadinessAndIsFinal() {
        var machine = HealthStateMachine()
        machine.markStartupComplete()
        machine.beginShutdown()
        #expect(machine.phase == .shuttingDown)
        #expect(statuses(machine, at: start) == [.startup: .pass, .liveness: .pass, .readiness: .fail])
        machine.markStartupComplete()
        #expect(machine.phase == .shuttingDown)
    }

    @Test func shutdownStraightFromStarting() {
        var machine = HealthStateMachine()
        machine.beginShutdown()
        #expect(machine.report(for: .readiness, now: start).checks.first?.result == .fail("shutting down"))
    }

    @Test func staleHeartbeatFailsLivenessUntilRenewed() {
        var machine = HealthStateMachine()
        machine.markStartupComplete()
        machine.registerHeartbeat("collection", staleAfter: .seconds(60), now: start)
        #expect(machine.report(for: .liveness, now: start + .seconds(59)).status == .pass)
        let stale = machine.report(for: .liveness, now: start + .seconds(61))
        #expect(stale.status == .fail)
        #expect(stale.checks.map(\.name) == ["collection"])
        #expect(machine.report(for: .readiness, now: start + .seconds(61)).status == .pass)
        machine.recordHeartbeat("collection", now: start + .seconds(100))
        #expect(machine.report(for: .liveness, now: start + .seconds(150)).status == .pass)
    }

    @Test func watchdogRestsDuringShutdown() {
        var machine = HealthStateMachine()
        machine.registerHeartbeat("loop", staleAfter: .seconds(1), now: start)
        machine.beginShutdown()
        #expect(machine.report(for: .liveness, now: start + .seconds(30)).status == .pass)
    }

    @Test(arguments: [
        ([HealthCheckResult.pass, .pass], HealthStatus.pass),
        ([.pass, .warn("slow disk")], .warn),
        ([.warn("slow disk"), .fail("no config")], .fail),
    ])
    func readinessIsTheWorstOfItsChecks(results: [HealthCheckResult], expected: HealthStatus) {
        var machine = HealthStateMachine()
        machine.markStartupComplete()
        let checks = results.enumerated().map { HealthReport.Check(name: "check\($0.offset)", result: $0.element) }
        let report = machine.report(for: .readiness, now: start, readinessChecks: checks)
        #expect(report.status == expected)
        #expect(report.isPassing == (expected != .fail))
    }
}
