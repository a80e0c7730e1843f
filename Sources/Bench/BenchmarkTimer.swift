import Glibc

/// Times a closure over many iterations and reports nanoseconds per operation.
struct BenchmarkTimer {
    /// The clock the timer reads.
    let clock = ContinuousClock()

    /// Runs `body` `iterations` times after a short warm-up and returns the mean nanoseconds per call.
    func nanosecondsPerOperation(iterations: Int, _ body: () -> Void) -> Double {
        for _ in 0..<min(iterations / 10, 10_000) { body() }
        let elapsed = clock.measure {
            for _ in 0..<iterations { body() }
        }
        return Double(elapsed.nanoseconds) / Double(iterations)
    }

    /// Runs `body` once and returns the seconds it took.
    func seconds(_ body: () -> Void) -> Double {
        Double(clock.measure(body).nanoseconds) / 1e9
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Prints one benchmark row as `name  value unit`, aligned for reading in a terminal and in docs.
func report(_ name: String, _ value: Double, _ unit: String) {
    let shown = String((value * 10).rounded() / 10)
    let name = name + String(repeating: " ", count: max(0, 48 - name.count))
    print("\(name) \(String(repeating: " ", count: max(0, 12 - shown.count)))\(shown) \(unit)")
}
