import PromText

/// Serves `/metrics`: runs the node collectors a request selects, adds the registry's own metrics, and writes the
/// format the scraper's `Accept` header negotiates.
///
/// `collect[]=` / `exclude[]=` select collectors per request as node_exporter does (an unknown name or both at
/// once is a 400). The collectors' deadline comes from Prometheus's `X-Prometheus-Scrape-Timeout-Seconds` header,
/// less a margin for rendering and transfer, so an overrunning collector is abandoned and reported while the rest
/// is still delivered in time.
public struct MetricsHandler: Sendable {
    /// The system collectors.
    public let collectors: CollectorSet
    /// Metrics about the exporter itself (process, HTTP, build info).
    public let registry: any Collector
    /// Called after every scrape with the collectors that failed, for logging and the liveness watchdog.
    public let onScrape: @Sendable (CollectorScrape) -> Void

    /// The share of the scraper's timeout the collectors may use.
    static let timeoutShare = 0.9

    /// Creates the handler.
    public init(
        collectors: CollectorSet,
        registry: any Collector,
        onScrape: @escaping @Sendable (CollectorScrape) -> Void = { _ in }
    ) {
        self.collectors = collectors
        self.registry = registry
        self.onScrape = onScrape
    }

    /// Answers one scrape.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let scrape: CollectorScrape
        do {
            scrape = try collectors.scrape(
                collect: request.query.values(for: "collect[]"),
                exclude: request.query.values(for: "exclude[]"),
                deadline: Self.deadline(scrapeTimeoutHeader: request.headers["x-prometheus-scrape-timeout-seconds"])
            )
        } catch {
            return .text("\(error)\n", status: .badRequest)
        }
        onScrape(scrape)
        let negotiated = ContentNegotiation(accept: request.headers["accept"])
        var body: [UInt8] = []
        ExpositionWriter.write(
            scrape.families + registry.collect(), format: negotiated.format, escaping: negotiated.escaping, into: &body)
        return HTTPResponse(status: .ok, headers: ["Content-Type": negotiated.contentType], body: body)
    }

    /// The collectors' deadline for a scraper timeout header value, or `nil` (the set's default) when the header is
    /// absent or not a positive number.
    static func deadline(scrapeTimeoutHeader: String?) -> Duration? {
        guard let text = scrapeTimeoutHeader, let seconds = Double(text), seconds > 0, seconds.isFinite else {
            return nil
        }
        return .milliseconds(Int64(seconds * timeoutShare * 1000))
    }
}
