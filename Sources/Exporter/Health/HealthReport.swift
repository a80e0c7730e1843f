/// The evaluated state of one probe: an overall status and the named checks that produced it.
public struct HealthReport: Sendable, Hashable {
    /// One named check's result, as listed in the report.
    public struct Check: Sendable, Hashable {
        /// The check's name (the draft's component key).
        public var name: String
        /// Its result.
        public var result: HealthCheckResult

        /// Creates a check entry.
        public init(name: String, result: HealthCheckResult) {
            self.name = name
            self.result = result
        }
    }

    /// Which probe this reports.
    public var probe: HealthProbe
    /// The worst status among ``checks`` (`pass` when there are none).
    public var status: HealthStatus { checks.reduce(.pass) { $0.worse($1.result.status) } }
    /// The checks in a stable order.
    public var checks: [Check]

    /// Creates a report.
    public init(probe: HealthProbe, checks: [Check]) {
        self.probe = probe
        self.checks = checks
    }

    /// Whether the probe passes (`pass` or `warn`): the HTTP status is 200, otherwise 503.
    public var isPassing: Bool { status != .fail }

    /// The probe's HTTP answer: `ok` or a one-line list of failures as text, or the draft's JSON
    /// (`application/health+json`) when `verbose`, stamped with `time` (RFC 3339).
    public func response(verbose: Bool, time: String) -> HTTPResponse {
        let httpStatus: HTTPStatus = isPassing ? .ok : .serviceUnavailable
        guard verbose else {
            let failures = checks.filter { $0.result.status == .fail }.map { check in
                check.result.output.map { "\(check.name): \($0)" } ?? check.name
            }
            return .text(
                isPassing ? "ok" : "\(probe.rawValue) failed: \(failures.joined(separator: "; "))", status: httpStatus)
        }
        let entries = checks.map { check in
            let output = check.result.output.map { ",\"output\":\(JSONText.quoted($0))" } ?? ""
            return
                "\(JSONText.quoted(check.name)):[{\"status\":\"\(check.result.status.rawValue)\"\(output),\"time\":\(JSONText.quoted(time))}]"
        }
        let json = "{\"status\":\"\(status.rawValue)\",\"checks\":{\(entries.joined(separator: ","))}}\n"
        return HTTPResponse(
            status: httpStatus, headers: ["Content-Type": "application/health+json"], body: Array(json.utf8))
    }
}
