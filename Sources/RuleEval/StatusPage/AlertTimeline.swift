import Exporter

/// The recent states of one alert over a time window, derived from its `ALERTS` samples: each evaluation that
/// wrote `ALERTS{alertstate="pending"|"firing"} 1` holds that state until the next evaluation (one group interval
/// later), a stale marker ends it at once, and time with no sample is inactive.
struct AlertTimeline: Sendable, Hashable {
    /// A stretch of time the alert spent in one active state.
    struct Segment: Sendable, Hashable {
        /// Pending or firing.
        var state: AlertState
        /// When the stretch began, in milliseconds since the epoch.
        var start: Int64
        /// When it ended (or the window's end), in milliseconds since the epoch.
        var end: Int64
    }

    /// The window's start, in milliseconds since the epoch.
    var start: Int64
    /// The window's end (the page's "now"), in milliseconds since the epoch.
    var end: Int64
    /// The active stretches, oldest first, not overlapping; the gaps between them are inactive.
    var segments: [Segment]

    /// The timeline of one alert from the samples of its `ALERTS` series with `alertstate="pending"` and
    /// `"firing"` inside `start...end`; `interval` is the rule group's evaluation interval in milliseconds.
    init(start: Int64, end: Int64, interval: Int64, pending: SeriesSamples?, firing: SeriesSamples?) {
        self.start = start
        self.end = end
        var events: [(time: Int64, state: AlertState?)] = []
        for (series, state) in [(pending, AlertState.pending), (firing, AlertState.firing)] {
            guard let series else { continue }
            for (time, value) in zip(series.timestamps, series.values) {
                events.append((time, StaleMarker.isStale(value) ? nil : state))
            }
        }
        // At one instant a stale marker of the old state comes before the sample of the new one.
        events.sort { ($0.time, $0.state == nil ? 0 : 1) < ($1.time, $1.state == nil ? 0 : 1) }
        let holdTime = max(interval, 1)
        var segments: [Segment] = []
        var open: (state: AlertState, start: Int64, lastSample: Int64)?
        func close(at time: Int64) {
            guard let current = open else { return }
            let closing = min(time, current.lastSample + holdTime, end)
            if closing > current.start {
                segments.append(Segment(state: current.state, start: current.start, end: closing))
            }
            open = nil
        }
        for event in events {
            if let current = open, event.time > current.lastSample + holdTime { close(at: event.time) }
            guard let state = event.state else {
                close(at: event.time)
                continue
            }
            if let current = open, current.state == state {
                open?.lastSample = event.time
            } else {
                close(at: event.time)
                open = (state, max(event.time, start), event.time)
            }
        }
        close(at: end)
        self.segments = segments
    }

    /// How long the alert spent in `state` within the window, in milliseconds.
    func time(in state: AlertState) -> Int64 {
        segments.lazy.filter { $0.state == state }.reduce(0) { $0 + $1.end - $1.start }
    }
}
