import Dispatch
import PromText

/// Times the instrument hot paths and prints ns/op. Release targets: counter increment ≤ 10 ns, histogram
/// observe ≤ 25 ns, labelled child lookup + increment ≤ 50 ns.
func runInstrumentBenchmarks() {
    let timer = BenchmarkTimer()
    let iterations = 10_000_000

    let counter = Counter()
    report(
        "counter increment (1 thread)",
        timer.nanosecondsPerOperation(iterations: iterations) { counter.increment() },
        "ns/op"
    )

    let shared = Counter()
    let threads = 2
    let seconds = timer.seconds {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<iterations { shared.increment() }
        }
    }
    report("counter increment (2 threads, one counter)", seconds * 1e9 / Double(iterations), "ns/op per thread")

    let requests = CounterFamily(name: "http_requests", help: "", labelNames: ["method", "code"])
    report(
        "labelled child lookup + increment (2 labels)",
        timer.nanosecondsPerOperation(iterations: iterations / 4) { requests.labels("GET", "200").increment() },
        "ns/op"
    )

    let histogram = Histogram()
    let values = (0..<1024).map { Double($0) / 100 }
    var index = 0
    report(
        "histogram observe (default buckets)",
        timer.nanosecondsPerOperation(iterations: iterations) {
            histogram.observe(values[index & 1023])
            index &+= 1
        },
        "ns/op"
    )

    let summary = Summary(objectives: [0.5: 0.05, 0.9: 0.01, 0.99: 0.001])
    report(
        "summary observe (3 objectives)",
        timer.nanosecondsPerOperation(iterations: iterations / 10) {
            summary.observe(values[index & 1023])
            index &+= 1
        },
        "ns/op"
    )
}
