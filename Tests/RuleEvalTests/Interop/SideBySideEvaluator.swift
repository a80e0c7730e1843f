import Foundation
import TestSupport

/// One rule evaluator of the side-by-side test, real Prometheus or ours, in its own temporary directory with its
/// own copy of the configuration and rule file (so each process aligns its groups by its own hash).
final class SideBySideEvaluator {
    /// `prometheus` or the candidate binary's file name.
    let name: String
    /// The running process, stopped by PID.
    let process: BackgroundProcess
    /// The base URL of its HTTP API, `http://127.0.0.1:PORT/api/v1`.
    let api: String
    private let directory: URL
    private let rulesFile: URL

    /// Writes `configuration` (with `RULES` replaced by the rule file's absolute path) and `rules` into a new
    /// temporary directory and starts `program` on a free port. Prometheus is recognised by its file name and
    /// gets `--storage.tsdb.path`; any other program is ours and gets `--storage.path` and no drain delay.
    init(program: String, configuration: String, rules: String) throws {
        name = URL(fileURLWithPath: program).lastPathComponent
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sidebyside-\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        rulesFile = directory.appendingPathComponent("rules.yml")
        try rules.write(to: rulesFile, atomically: true, encoding: .utf8)
        let configurationFile = directory.appendingPathComponent("prometheus.yml")
        try configuration.replacingOccurrences(of: "RULES", with: rulesFile.path)
            .write(to: configurationFile, atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let ownFlags =
            name == "prometheus"
            ? ["--storage.tsdb.path=\(directory.path)/data"]
            : ["--storage.path=\(directory.path)/data", "--web.drain-delay=0s"]
        process = try BackgroundProcess(
            program,
            ["--config.file=\(configurationFile.path)", "--web.listen-address=127.0.0.1:\(port)"] + ownFlags)
        api = "http://127.0.0.1:\(port)/api/v1"
    }

    /// Polls until the process has scraped `job` successfully (`up == 1`), at most `timeout` seconds.
    func waitUntilScraping(job: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && process.isRunning {
            if case .series(_, let series) = query("up{job=\"\(job)\"} == 1", at: Date().timeIntervalSince1970),
                !series.isEmpty
            {
                return true
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    /// `/api/v1/query` at `time` (Unix seconds).
    func query(_ expression: String, at time: Double) -> QueryAnswer {
        get("query", ["query": expression, "time": Self.format(time)])
    }

    /// `/api/v1/query_range` from `start` to `end` every `step` seconds.
    func queryRange(_ expression: String, start: Double, end: Double, step: Double) -> QueryAnswer {
        get(
            "query_range",
            ["query": expression, "start": Self.format(start), "end": Self.format(end), "step": Self.format(step)])
    }

    /// The body of `GET /api/v1/<path>` as JSON, or `nil`.
    func json(_ path: String) -> [String: Any]? {
        let response = HTTPFetch.request("\(api)/\(path)", timeout: 10)
        return try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    }

    /// The `rule_group` label values of `metric` on its `/metrics`, with its own rule file's path written `RULES`
    /// (Prometheus's form is `<file>;<group>`).
    func ruleGroups(inMetric metric: String) -> [String] {
        let url = api.replacingOccurrences(of: "/api/v1", with: "/metrics")
        let lines = HTTPFetch.request(url, timeout: 10).text.split(separator: "\n")
        return lines.filter { $0.hasPrefix(metric + "{") }.compactMap { line in
            guard let start = line.range(of: "rule_group=\"")?.upperBound,
                let end = line[start...].firstIndex(of: "\"")
            else { return nil }
            return line[start..<end].replacingOccurrences(of: rulesFile.path, with: "RULES")
        }.sorted()
    }

    private func get(_ path: String, _ parameters: [String: String]) -> QueryAnswer {
        var components = URLComponents(string: "\(api)/\(path)")
        components?.queryItems = parameters.sorted { $0.key < $1.key }.map {
            URLQueryItem(name: $0.key, value: $0.value)
        }
        // URLComponents leaves `+` alone, which a server decodes as a space.
        let url = (components?.string ?? "").replacingOccurrences(of: "+", with: "%2B")
        let response = HTTPFetch.request(url, timeout: 10)
        return QueryAnswer(body: response.body, status: response.status)
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// Stops the process (SIGTERM by PID, then SIGKILL) and removes its directory.
    func stop() {
        process.stop(grace: 5)
        try? FileManager.default.removeItem(at: directory)
    }
}
