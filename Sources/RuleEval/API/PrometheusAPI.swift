import Exporter
import PromText

/// Prometheus's HTTP API (`/api/v1/...`) over a running evaluator, in Prometheus's exact JSON shapes, so that
/// Grafana and other Prometheus clients can use the evaluator as a Prometheus data source.
///
/// Answers the query endpoints (`query`, `query_range`, `series`, `labels`, `label/<name>/values`), the status
/// endpoints (`targets`, `rules`, `alerts`, `status/buildinfo`, `status/runtimeinfo`, `status/flags`) and empty
/// `metadata` and `query_exemplars`. Every answer is `{"status":"success","data":...}` or
/// `{"status":"error","errorType":...,"error":...}` with Prometheus's status codes.
///
/// ```swift
/// var router = Router()
/// PrometheusAPI(source: service).register(on: &router)
/// ```
public struct PrometheusAPI: Sendable {
    /// The evaluator whose samples, targets and rules are served.
    public let source: any EvaluatorStatusSource
    /// The command-line flags `status/flags` reports, by name without dashes (e.g. `config.file`).
    public var flags: [String: String]
    /// The wall clock in milliseconds since the epoch: the default `time` of an instant query.
    public var now: @Sendable () -> Int64
    /// How targets' `globalUrl` is formed (read per request: the listener's port is known only once bound);
    /// `nil` leaves it equal to the scrape URL.
    public var globalURLOptions: @Sendable () -> GlobalURLOptions? = { nil }
    /// The longest a range query may run before it fails with `timeout` (Prometheus's `--query.timeout`, 2m).
    public var queryTimeout: Duration

    /// The most points per series a range query may return (Prometheus's fixed 11,000).
    public static let maximumRangeQueryPoints: Int64 = 11_000

    /// Creates the API over `source`.
    public init(
        source: any EvaluatorStatusSource, flags: [String: String] = [:],
        now: @escaping @Sendable () -> Int64 = ScrapeManager.realTimeMilliseconds,
        queryTimeout: Duration = .seconds(120)
    ) {
        self.source = source
        self.flags = flags
        self.now = now
        self.queryTimeout = queryTimeout
    }

    /// Registers every endpoint under `/api/v1/` on `router`. Endpoints that Prometheus also serves for `POST`
    /// (query, query_range, query_exemplars, series, labels) read form-encoded bodies too.
    public func register(on router: inout Router) {
        let both: Set<HTTPMethod> = [.get, .post]
        let endpoints: [(path: String, methods: Set<HTTPMethod>, run: Endpoint)] = [
            ("query", both, query), ("query_range", both, queryRange), ("query_exemplars", both, queryExemplars),
            ("series", both, series), ("labels", both, labelNames), ("metadata", [.get], metadata),
            ("targets", [.get], targets), ("rules", [.get], rules), ("alerts", [.get], alerts),
            ("status/buildinfo", [.get], buildInfo), ("status/runtimeinfo", [.get], runtimeInfo),
            ("status/flags", [.get], statusFlags),
        ]
        for endpoint in endpoints {
            let run = endpoint.run
            router.register("/api/v1/" + endpoint.path, methods: endpoint.methods) { request in
                Self.respond(to: request, with: run)
            }
        }
        router.register(prefix: Self.labelValuesPrefix, methods: [.get]) { request in
            guard let name = Self.labelName(inValuesPath: request.path) else {
                return .text("404 page not found", status: .notFound)
            }
            return Self.respond(to: request) { parameters throws(PrometheusAPIError) in
                try labelValues(name, parameters)
            }
        }
    }

    /// One endpoint: reads the parameters and writes the `data` value, or throws the API error to report.
    typealias Endpoint = @Sendable (APIRequestParameters) throws(PrometheusAPIError) -> APIResult

    /// The path prefix of `/api/v1/label/<name>/values`.
    static let labelValuesPrefix = "/api/v1/label/"

    /// The label name in `/api/v1/label/<name>/values`, or `nil` for any other path under the prefix.
    static func labelName(inValuesPath path: String) -> String? {
        guard path.hasPrefix(labelValuesPrefix), path.hasSuffix("/values") else { return nil }
        let name = path.dropFirst(labelValuesPrefix.count).dropLast("/values".count)
        guard path.count >= labelValuesPrefix.count + "/values".count, !name.contains("/") else { return nil }
        return String(name)
    }

    /// Runs `endpoint` and wraps its data or error in Prometheus's response envelope.
    static func respond(to request: HTTPRequest, with endpoint: Endpoint) -> HTTPResponse {
        var writer = APIJSONWriter()
        let status: HTTPStatus
        do {
            let result = try endpoint(APIRequestParameters(request))
            guard let data = result.data else { return HTTPResponse(status: .noContent) }
            status = .ok
            writer.object { body in
                body.key("status")
                body.string("success")
                body.key("data")
                body.append(data)
                if !result.warnings.isEmpty {
                    body.key("warnings")
                    body.array(result.warnings) { $0.string($1) }
                }
            }
        } catch {
            status = error.kind.status
            writer.object { body in
                body.key("status")
                body.string("error")
                body.key("errorType")
                body.string(error.kind.rawValue)
                body.key("error")
                body.string(error.message)
            }
        }
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: writer.bytes)
    }
}
