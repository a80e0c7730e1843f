import Glibc
import PromText
import RuleEval

/// Evaluates a realistic rule set (rates, error ratios, `histogram_quantile` over `sum by (le)`, `*_over_time`)
/// over stores of 10k and 100k series holding 15 minutes of 15-second samples, and reports evaluations per
/// second, nanoseconds per sample touched, and the store's bytes per sample and per series.
func runEngineBenchmarks() {
    for seriesCount in [10_000, 100_000] {
        engineBenchmark(seriesCount: seriesCount)
    }
}

/// The rules evaluated, as a recording-rule group would hold them.
private let benchmarkRules = [
    "sum by (job) (rate(http_requests_total[5m]))",
    "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m]))",
    "histogram_quantile(0.95, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))",
    "avg_over_time(queue_depth[10m])",
    "max_over_time(queue_depth[10m]) > 90",
]

private func engineBenchmark(seriesCount: Int) {
    let residentBefore = residentBytes()
    let store = SampleStore()
    let step: Int64 = 15_000
    let samplesPerSeries = 60
    let bucketBounds = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"]
    let perInstance = 8 + bucketBounds.count + 1
    let instances = seriesCount / perInstance
    do {
        for instance in 0..<instances {
            let job = "job\(instance % 20)"
            let base: Labels = ["job": job, "instance": "host-\(instance):9100"]
            var series: [(Labels, Double)] = []
            for code in ["200", "201", "204", "301", "404", "500", "502", "503"] {
                series.append(
                    (withName("http_requests_total", base, ["code": code]), Double(code.first == "5" ? 1 : 20)))
            }
            for (index, bound) in bucketBounds.enumerated() {
                series.append(
                    (withName("http_request_duration_seconds_bucket", base, ["le": bound]), Double(index + 1)))
            }
            series.append((withName("queue_depth", base, [:]), 0))
            for sample in 0..<samplesPerSeries {
                let timestamp = Int64(sample) * step
                for (labels, slope) in series {
                    let value =
                        labels["__name__"] == "queue_depth"
                        ? Double((instance * 7 + sample * 13) % 100) : slope * Double(sample)
                    try store.append(labels, timestamp: timestamp, value: value)
                }
            }
        }
    } catch {
        print("engine benchmark could not load data: \(error)")
        return
    }
    let statistics = store.statistics()
    let residentAfter = residentBytes()
    let engine = QueryEngine(store: store)
    let evaluationTime = Int64(samplesPerSeries - 1) * step
    let timer = BenchmarkTimer()
    var samplesTouched = 0
    let runs = seriesCount >= 100_000 ? 3 : 10
    let seconds = timer.seconds {
        for _ in 0..<runs {
            for rule in benchmarkRules {
                _ = try? engine.evaluate(rule, at: evaluationTime)
            }
        }
    }
    // Each rule reads every matching series over its window: 5m = 20 samples, 10m = 40 samples.
    let requests = instances * 8
    let buckets = instances * bucketBounds.count
    samplesTouched = runs * (requests * 20 * 3 + buckets * 20 + instances * 40 * 2)
    let label = "\(statistics.series / 1000)k series"
    report("engine \(label): rule-set evaluations", Double(runs) / seconds, "per s")
    report("engine \(label): one rule-set evaluation", seconds / Double(runs) * 1000, "ms")
    report("engine \(label): per sample touched", seconds * 1e9 / Double(samplesTouched), "ns")
    report(
        "store \(label): sample data per sample", Double(statistics.sampleBytes) / Double(statistics.samples), "bytes")
    report(
        "store \(label): resident memory per series (incl. samples)",
        Double(residentAfter - residentBefore) / Double(statistics.series), "bytes")
}

private func withName(_ name: String, _ base: Labels, _ extra: Labels) -> Labels {
    Labels([Label("__name__", name)] + base.pairs + extra.pairs)
}

/// The process's resident set size in bytes (the second field of /proc/self/statm, in pages).
private func residentBytes() -> Int {
    let descriptor = open("/proc/self/statm", O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let count = read(descriptor, &buffer, buffer.count)
    let fields = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
