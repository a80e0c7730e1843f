import Glibc
import PromText

/// Measures the exposition writer; filled in with the writer.
func runRenderBenchmarks() {
    var buffer: [UInt8] = []
    let seconds = BenchmarkTimer().seconds { GoFloat.appendExposition(1.5, to: &buffer) }
    report("render/float", seconds, "s")
}
