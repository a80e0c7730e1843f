/// The data the side-by-side test's target exposes: a pure function from a step to an exposition.
///
/// Step `k` holds the samples stamped `epoch + 2k` seconds (the data grid is 2 s, four times the 500 ms scrape
/// interval, so every step is scraped by each process even when the machine stalls it for a second). The series are scripted so that, within 12 steps,
/// alerts go pending → firing → resolved, a counter resets, a keep-firing window bridges a gap, and a histogram's
/// quantile crosses a threshold.
enum SideBySideScript {
    /// Seconds between two steps of data.
    static let stepSeconds = 2
    /// The histogram's bucket bounds, written as Prometheus 3 normalizes them (so both versions store equal labels).
    static let bucketBounds = ["0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"]
    /// Observations per bucket (not cumulative) added by one step of fast and of slow traffic.
    static let fastObservations = [6, 3, 1, 0, 0, 0]
    static let slowObservations = [1, 1, 2, 4, 2, 0]
    /// A representative duration for each bucket, for `_sum`.
    static let bucketMidpoints = [0.05, 0.2, 0.4, 0.8, 1.5, 4.0]

    /// The exposition (text format 0.0.4) of step `step`, every sample stamped `timestampMilliseconds`.
    static func exposition(step: Int, timestampMilliseconds: Int64) -> String {
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ samples: [(String, Double)]) {
            lines.append("# HELP \(name) Scripted series for the side-by-side test.")
            lines.append("# TYPE \(name) \(type)")
            for (series, value) in samples { lines.append("\(series) \(format(value)) \(timestampMilliseconds)") }
        }
        family(
            "sbs_http_requests_total", "counter",
            [
                (#"sbs_http_requests_total{code="200",handler="/api"}"#, apiSuccesses(step)),
                (#"sbs_http_requests_total{code="500",handler="/api"}"#, apiErrors(step)),
                (#"sbs_http_requests_total{code="200",handler="/health"}"#, healthChecks(step)),
            ])
        family(
            "sbs_queue_depth", "gauge",
            [
                (#"sbs_queue_depth{queue="a"}"#, queueA(step)), (#"sbs_queue_depth{queue="b"}"#, queueB(step)),
                (#"sbs_queue_depth{queue="c"}"#, queueC(step)),
            ])
        family(
            "sbs_temperature_celsius", "gauge",
            [
                (#"sbs_temperature_celsius{room="lab"}"#, -4 + 1.5 * Double(step)),
                (#"sbs_temperature_celsius{room="hall"}"#, 21.25 - 0.5 * Double(step)),
            ])
        family(
            "sbs_flag", "gauge",
            [(#"sbs_flag{unit="x"}"#, flagX(step)), (#"sbs_flag{unit="y"}"#, flagY(step))])
        family("sbs_build_info", "gauge", [(#"sbs_build_info{revision="abc",version="1.4.2"}"#, 1)])
        lines.append("# HELP sbs_request_duration_seconds Scripted series for the side-by-side test.")
        lines.append("# TYPE sbs_request_duration_seconds histogram")
        for handler in ["/api", "/health"] {
            let counts = bucketCounts(handler: handler, step: step)
            var cumulative = 0
            for (bound, count) in zip(bucketBounds, counts) {
                cumulative += count
                lines.append(
                    #"sbs_request_duration_seconds_bucket{handler="\#(handler)",le="\#(bound)"} "#
                        + "\(cumulative) \(timestampMilliseconds)")
            }
            let sum = zip(counts, bucketMidpoints).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            lines.append(
                #"sbs_request_duration_seconds_sum{handler="\#(handler)"} \#(format(sum)) \#(timestampMilliseconds)"#)
            lines.append(
                #"sbs_request_duration_seconds_count{handler="\#(handler)"} \#(cumulative) \#(timestampMilliseconds)"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Successful API requests: an accelerating counter (10 + k more each step).
    static func apiSuccesses(_ step: Int) -> Double { Double((0...step).reduce(0) { $0 + 10 + $1 }) }

    /// Failed API requests: 5 more each step from step 4 to step 7, flat otherwise.
    static func apiErrors(_ step: Int) -> Double { Double(5 * max(0, min(step, 7) - 3)) }

    /// Health checks: 3 per step, the process restarts (the counter resets) at step 6.
    static func healthChecks(_ step: Int) -> Double { Double(step < 6 ? 3 * step + 2 : 3 * (step - 6) + 1) }

    /// Queue a is deep (12) from step 3 to step 6: long enough for a 3 s `for`.
    static func queueA(_ step: Int) -> Double { (3...6).contains(step) ? 12 : (step < 3 ? 1 : 2) }

    /// Queue b wanders and is deep at step 10 only: pending, then inactive without firing.
    static func queueB(_ step: Int) -> Double {
        let values: [Double] = [3, 7, 1, 9, 4, 4, 8, 2, 6, 5, 11, 3, 2, 6]
        return values[min(step, values.count - 1)]
    }

    /// Queue c fills up at step 9 and stays deep: its alerts are still firing when the run ends.
    static func queueC(_ step: Int) -> Double { step >= 9 ? 15.5 : 0.5 }

    /// Unit x raises its flag at steps 2 and 3; keep_firing_for carries the alert past them.
    static func flagX(_ step: Int) -> Double { (2...3).contains(step) ? 1 : 0 }

    /// Unit y flaps: up at steps 8 and 10, down at 9, which keep_firing_for bridges.
    static func flagY(_ step: Int) -> Double { step == 8 || step == 10 ? 1 : 0 }

    /// Cumulative observations per bucket (not yet cumulative across buckets) after `step` steps: the API is slow
    /// during steps 5 to 8, the health handler is always fast.
    static func bucketCounts(handler: String, step: Int) -> [Int] {
        var counts = Array(repeating: 0, count: bucketBounds.count)
        guard step > 0 else { return counts }
        for past in 1...step {
            let slow = handler == "/api" && (5...8).contains(past)
            for (index, count) in (slow ? slowObservations : fastObservations).enumerated() {
                counts[index] += count
            }
        }
        return counts
    }

    /// A value as the text format writes it (integers without a fraction).
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
