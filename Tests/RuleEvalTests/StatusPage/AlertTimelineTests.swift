import Exporter
import PromText
import Testing

@testable import RuleEval

@Suite struct AlertTimelineTests {
    private static let minute: Int64 = 60_000
    private static let labels: Labels = ["alertname": "A", "instance": "x"]

    private static func timeline(
        _ runs: [(state: AlertState, from: Int64, to: Int64)], interval: Int64 = minute, now: Int64 = 60 * minute
    ) throws -> AlertTimeline {
        let store = SampleStore()
        try FixedStatusSource.recordHistory(of: labels, runs: runs, interval: interval, now: now, in: store)
        return AlertHistory(store: store, start: 0, end: now).timeline(for: labels, interval: interval)
    }

    @Test func pendingThenFiringUntilNowIsTwoAdjacentStretches() throws {
        let timeline = try Self.timeline([
            (.pending, 10 * Self.minute, 15 * Self.minute), (.firing, 15 * Self.minute, 61 * Self.minute),
        ])
        #expect(
            timeline.segments == [
                .init(state: .pending, start: 10 * Self.minute, end: 15 * Self.minute),
                .init(state: .firing, start: 15 * Self.minute, end: 60 * Self.minute),
            ])
    }

    @Test func aStaleMarkerEndsTheStateAndLaterActivityStartsAgain() throws {
        let timeline = try Self.timeline([
            (.firing, 5 * Self.minute, 20 * Self.minute), (.firing, 40 * Self.minute, 45 * Self.minute),
        ])
        #expect(
            timeline.segments == [
                .init(state: .firing, start: 5 * Self.minute, end: 20 * Self.minute),
                .init(state: .firing, start: 40 * Self.minute, end: 45 * Self.minute),
            ])
        #expect(timeline.time(in: .firing) == 20 * Self.minute)
        #expect(timeline.time(in: .pending) == 0)
    }

    @Test func missedEvaluationsLeaveAGapAfterOneInterval() throws {
        let store = SampleStore()
        let series = Self.labels.setting("__name__", to: "ALERTS").setting("alertstate", to: "firing")
        for time in [10 * Self.minute, 11 * Self.minute, 30 * Self.minute] {
            try store.append(series, timestamp: time, value: 1)
        }
        let timeline = AlertHistory(store: store, start: 0, end: 60 * Self.minute)
            .timeline(for: Self.labels, interval: Self.minute)
        #expect(
            timeline.segments == [
                .init(state: .firing, start: 10 * Self.minute, end: 12 * Self.minute),
                .init(state: .firing, start: 30 * Self.minute, end: 31 * Self.minute),
            ])
    }

    @Test func anAlertWithoutSamplesIsInactiveThroughout() throws {
        let timeline = try Self.timeline([(.firing, 5 * Self.minute, 20 * Self.minute)])
        let other = AlertHistory(store: SampleStore(), start: 0, end: 60 * Self.minute)
            .timeline(for: ["alertname": "B"], interval: Self.minute)
        #expect(!timeline.segments.isEmpty)
        #expect(other.segments.isEmpty)
    }

    @Test func otherAlertsAndOtherSeriesDoNotLeakIn() throws {
        let store = SampleStore()
        try FixedStatusSource.recordHistory(
            of: Self.labels, runs: [(.firing, 10 * Self.minute, 12 * Self.minute)], interval: Self.minute,
            now: 60 * Self.minute, in: store)
        try FixedStatusSource.recordHistory(
            of: Self.labels.setting("instance", to: "y"), runs: [(.pending, 30 * Self.minute, 40 * Self.minute)],
            interval: Self.minute, now: 60 * Self.minute, in: store)
        try store.append(Self.labels.setting("__name__", to: "ALERTS_FOR_STATE"), timestamp: 50 * Self.minute, value: 1)
        let timeline = AlertHistory(store: store, start: 0, end: 60 * Self.minute)
            .timeline(for: Self.labels, interval: Self.minute)
        #expect(timeline.segments == [.init(state: .firing, start: 10 * Self.minute, end: 12 * Self.minute)])
    }

    @Test func svgDrawsEachStretchWithATooltip() throws {
        let timeline = try Self.timeline([
            (.pending, 0, 30 * Self.minute), (.firing, 30 * Self.minute, 61 * Self.minute),
        ])
        var writer = HTMLWriter(capacity: 0)
        timeline.appendSVG(to: &writer)
        #expect(writer.html.hasPrefix("<svg class=\"timeline\""))
        #expect(writer.html.contains("<rect class=\"pending\" x=\"4.0\" y=\"0\" width=\"116.0\""))
        #expect(writer.html.contains("<rect class=\"firing\" x=\"120.0\" y=\"0\" width=\"120.0\""))
        #expect(writer.html.contains("<title>firing 00:30:00–01:00:00 UTC (30m)</title>"))
        #expect(writer.html.contains(">-1h</text>"))
        #expect(writer.html.contains(">now</text>"))
        #expect(writer.html.hasSuffix("</svg>"))
    }
}
