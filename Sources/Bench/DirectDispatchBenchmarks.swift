import Dispatch
import Exporter
import Glibc
import PromText
import RuleEval
import Synchronization

/// Direct notification dispatch end to end: alerts in, each notification written to the durable outbox
/// (temporary file, `fsync`, rename, directory `fsync`), POSTed to a webhook receiver on 127.0.0.1 and removed
/// from the outbox. Reports notifications per second through one receiver, and the time from ``send`` to the
/// receiver reading the request for single alerts.
func runDirectDispatchBenchmarks() {
    guard let receiver = BenchmarkReceiver() else {
        print("direct dispatch: cannot listen on 127.0.0.1")
        return
    }
    let storage = "/tmp/tocsin-bench-dispatch-\(getpid())"
    defer { _ = system("rm -rf '\(storage)'") }
    let yaml = """
        route:
          receiver: bench
          group_by: ['...']
          group_wait: 0s
          group_interval: 1h
        receivers:
        - name: bench
          webhook_configs: [{url: 'http://127.0.0.1:\(receiver.port)/'}]
        """
    let dispatcher: DirectDispatcher
    do {
        dispatcher = try DirectDispatcher(
            configuration: NotifyConfiguration.parse(Array(yaml.utf8), fileName: "bench.yml"), storagePath: storage)
    } catch {
        print("direct dispatch: \(error)")
        return
    }
    defer { dispatcher.stop(drainingFor: .seconds(5)) }
    let now = DirectDispatcher.wallClockMilliseconds()
    func alerts(_ prefix: String, _ count: Int) -> [NotifierAlert] {
        (0..<count).map {
            NotifierAlert(labels: ["alertname": "Bench", "instance": "\(prefix)-\($0)"], startsAt: now - 60_000)
        }
    }
    let clock = ContinuousClock()

    var latencies: [Double] = []
    for index in 0..<50 {
        let before = receiver.count
        let start = clock.now
        dispatcher.send(alerts("latency\(index)", 1))
        guard receiver.wait(for: before + 1, timeout: .seconds(5)) else { break }
        latencies.append(Double((clock.now - start).nanoseconds) / 1e6)
    }
    latencies.sort()
    if !latencies.isEmpty {
        report("direct dispatch send→receiver p50", latencies[latencies.count / 2], "ms")
        report("direct dispatch send→receiver p99", latencies[latencies.count * 99 / 100], "ms")
    }

    let count = 2000
    let before = receiver.count
    let start = clock.now
    dispatcher.send(alerts("throughput", count))
    if receiver.wait(for: before + count, timeout: .seconds(120)) {
        let seconds = Double((clock.now - start).nanoseconds) / 1e9
        report("direct dispatch through the outbox, 1 receiver", Double(count) / seconds, "notifications/s")
    } else {
        print("direct dispatch: only \(receiver.count - before) of \(count) notifications arrived")
    }
    receiver.close()
}

/// A webhook receiver for the benchmark: answers every request with 204 and counts them.
private final class BenchmarkReceiver: Sendable {
    let port: UInt16
    private let listener: Int32
    private let received = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    init?() {
        guard let opened = try? LoopbackListener.open(backlog: 64) else { return nil }
        listener = opened.descriptor
        port = UInt16(opened.port)
        DispatchQueue(label: "bench-receiver").async { [self] in serve() }
    }

    var count: Int { received.load(ordering: .acquiring) }

    /// Polls every 100 µs until `count` requests arrived; false on timeout.
    func wait(for count: Int, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while self.count < count {
            if ContinuousClock.now >= deadline { return false }
            usleep(100)
        }
        return true
    }

    func close() {
        closed.store(true, ordering: .releasing)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !closed.load(ordering: .acquiring) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var request: [UInt8] = []
            while true {
                let read = recv(connection, &buffer, buffer.count, 0)
                guard read > 0 else { break }
                request += buffer[..<read]
                if Self.isComplete(request) {
                    let answer = Array("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".utf8)
                    _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    received.add(1, ordering: .releasing)
                    break
                }
            }
            Glibc.close(connection)
        }
        Glibc.close(listener)
    }

    /// Whether the headers and `Content-Length` bytes of body have arrived.
    private static func isComplete(_ bytes: [UInt8]) -> Bool {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.firstRange(of: separator) else { return false }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).filter { $0 != " " }) } ?? 0
        return bytes.count >= end.upperBound + length
    }
}
