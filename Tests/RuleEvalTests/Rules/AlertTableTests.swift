import PromText
import Testing

@testable import RuleEval

@Suite struct AlertTableTests {
    private let minute: Int64 = 60_000
    private let labels: Labels = ["alertname": "Down", "job": "api"]

    private func step(_ table: inout AlertTable, present: Bool, at minutes: Int64, limit: Int = 0) throws {
        let results = present ? [AlertTable.Result(labels: labels, annotations: [:], value: 1)] : []
        try table.evaluate(results: results, at: minutes * minute, limit: limit)
    }

    private func state(_ table: AlertTable) -> AlertState? { table.alerts[labels.sorted()]?.state }

    @Test func pendingTurnsFiringAfterTheHoldDuration() throws {
        var table = AlertTable(holdDuration: 2 * minute, keepFiringFor: 0)
        try step(&table, present: true, at: 0)
        #expect(state(table) == .pending)
        try step(&table, present: true, at: 1)
        #expect(state(table) == .pending)
        try step(&table, present: true, at: 2)
        #expect(state(table) == .firing)
        #expect(table.alerts[labels.sorted()]?.firedAt == 2 * minute)
        #expect(table.alerts[labels.sorted()]?.activeAt == 0)
    }

    @Test func zeroHoldDurationFiresAtOnce() throws {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 0)
        try step(&table, present: true, at: 5)
        #expect(state(table) == .firing)
    }

    @Test func pendingAlertThatDisappearsIsDroppedWithoutResolution() throws {
        var table = AlertTable(holdDuration: 5 * minute, keepFiringFor: 0)
        try step(&table, present: true, at: 0)
        try step(&table, present: false, at: 1)
        #expect(table.alerts.isEmpty)
    }

    @Test func firingAlertResolvesAndIsKeptForFifteenMinutes() throws {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 0)
        try step(&table, present: true, at: 0)
        try step(&table, present: false, at: 1)
        #expect(state(table) == .inactive)
        #expect(table.alerts[labels.sorted()]?.resolvedAt == minute)
        #expect(table.activeAlerts.isEmpty)
        try step(&table, present: false, at: 16)
        #expect(state(table) == .inactive)
        try step(&table, present: false, at: 17)
        #expect(table.alerts.isEmpty)
    }

    @Test func reactivationAfterResolutionStartsANewPendingAlert() throws {
        var table = AlertTable(holdDuration: 2 * minute, keepFiringFor: 0)
        try step(&table, present: true, at: 0)
        try step(&table, present: true, at: 2)
        try step(&table, present: false, at: 3)
        try step(&table, present: true, at: 4)
        #expect(state(table) == .pending)
        #expect(table.alerts[labels.sorted()]?.activeAt == 4 * minute)
        #expect(table.alerts[labels.sorted()]?.resolvedAt == nil)
    }

    @Test func keepFiringForHoldsAFiringAlert() throws {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 3 * minute)
        try step(&table, present: true, at: 0)
        try step(&table, present: false, at: 1)
        #expect(state(table) == .firing)
        #expect(table.alerts[labels.sorted()]?.keepFiringSince == minute)
        try step(&table, present: false, at: 3)
        #expect(state(table) == .firing)
        try step(&table, present: false, at: 4)
        #expect(state(table) == .inactive)
    }

    @Test func keepFiringSinceResetsWhenTheSeriesReturns() throws {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 3 * minute)
        try step(&table, present: true, at: 0)
        try step(&table, present: false, at: 1)
        try step(&table, present: true, at: 2)
        #expect(table.alerts[labels.sorted()]?.keepFiringSince == nil)
        try step(&table, present: false, at: 3)
        try step(&table, present: false, at: 5)
        #expect(state(table) == .firing)
    }

    @Test func exceedingTheLimitDropsEveryAlert() throws {
        var table = AlertTable(holdDuration: 0, keepFiringFor: 0)
        let results = (0..<3).map {
            AlertTable.Result(labels: ["alertname": "A", "i": "\($0)"], annotations: [:], value: 1)
        }
        #expect(throws: AlertLimitError(limit: 2, count: 3)) { try table.evaluate(results: results, at: 0, limit: 2) }
        #expect(table.alerts.isEmpty)
        try table.evaluate(results: results, at: minute, limit: 3)
        #expect(table.activeAlerts.count == 3)
    }

    @Test func sendingFollowsResendDelayAndResolution() throws {
        var table = AlertTable(holdDuration: minute, keepFiringFor: 0)
        try step(&table, present: true, at: 0)
        #expect(table.alerts[labels.sorted()]?.needsSending(at: 0, resendDelay: minute) == false)
        try step(&table, present: true, at: 1)
        var alert = try #require(table.alerts[labels.sorted()])
        #expect(alert.needsSending(at: minute, resendDelay: minute))
        table.markSent(labels.sorted(), at: minute, validUntil: 5 * minute)
        alert = try #require(table.alerts[labels.sorted()])
        #expect(!alert.needsSending(at: 2 * minute, resendDelay: minute))
        #expect(alert.needsSending(at: 2 * minute + 1, resendDelay: minute))
        try step(&table, present: false, at: 2)
        alert = try #require(table.alerts[labels.sorted()])
        #expect(alert.needsSending(at: 2 * minute, resendDelay: minute))
    }
}
