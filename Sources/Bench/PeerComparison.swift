import Foundation
import PromText

/// Runs the peers on the same inputs in the same run and prints our figure, theirs and the ratio:
/// Python's `prometheus_client` (render, parse, increment) and `promtool check metrics` against
/// `tocsin-ruleeval check metrics` as whole processes on one 100k-series payload.
func runPeerComparison() {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tocsin-bench-\(UUID())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let payload = benchmarkPayload(seriesCount: 100_000, format: .text)
    let payloadFile = directory.appendingPathComponent("payload.prom")
    _ = FileManager.default.createFile(atPath: payloadFile.path, contents: Data(payload))
    print("payload: \(payload.count) bytes, 100k series, text 0.0.4")

    let timer = BenchmarkTimer()
    let families = renderBenchmarkFamilies(seriesCount: 100_000, presorted: true)
    var buffer: [UInt8] = []
    ExpositionWriter.write(families, format: .text, into: &buffer)
    let renderSeconds = timer.seconds {
        for _ in 0..<10 {
            buffer.removeAll(keepingCapacity: true)
            ExpositionWriter.write(families, format: .text, into: &buffer)
        }
    }
    let ourRender = Double(buffer.count * 10) / renderSeconds / 1e6
    let parseSeconds = timer.seconds {
        for _ in 0..<10 {
            var parser = ExpositionParser(bytes: payload, format: .text)
            while (try? parser.next()) != nil {}
        }
    }
    let ourParse = Double(payload.count * 10) / parseSeconds / 1e6
    let counter = Counter()
    let ourIncrement = timer.nanosecondsPerOperation(iterations: 10_000_000) { counter.increment() }

    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/bench_python_peer.py")
    if let python = run("/usr/bin/env", ["python3", script.path, payloadFile.path, "100000"]),
        let json = try? JSONSerialization.jsonObject(with: Data(python.utf8)) as? [String: Double]
    {
        compare("render 100k series (MB/s)", ours: ourRender, theirs: json["render_mb_s"] ?? 0, higherIsBetter: true)
        compare("parse 100k series (MB/s)", ours: ourParse, theirs: json["parse_mb_s"] ?? 0, higherIsBetter: true)
        compare("counter increment (ns)", ours: ourIncrement, theirs: json["increment_ns"] ?? 0, higherIsBetter: false)
    } else {
        print("python prometheus_client peer unavailable (pip install prometheus-client)")
    }

    let ruleeval = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("tocsin-ruleeval").path
    let ours = bestOf(3) { run("/bin/sh", ["-c", "'\(ruleeval)' check metrics < '\(payloadFile.path)'"]) }
    let promtool = bestOf(3) { run("/bin/sh", ["-c", "promtool check metrics < '\(payloadFile.path)'"]) }
    compare("check metrics, whole process (s)", ours: ours, theirs: promtool, higherIsBetter: false)
}

/// Prints `ours`, `theirs` and how many times better ours is.
private func compare(_ name: String, ours: Double, theirs: Double, higherIsBetter: Bool) {
    let ratio = higherIsBetter ? ours / theirs : theirs / ours
    let shown = { (value: Double) in String((value * 1000).rounded() / 1000) }
    print("\(name): tocsin \(shown(ours)), peer \(shown(theirs)), tocsin is \(shown(ratio))x")
}

/// The shortest wall time of `runs` runs of `body`, in seconds.
private func bestOf(_ runs: Int, _ body: () -> String?) -> Double {
    (0..<runs).map { _ in BenchmarkTimer().seconds { _ = body() } }.min() ?? 0
}

/// Runs a program and returns its standard output, or `nil` if it could not start or failed to run.
private func run(_ program: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
