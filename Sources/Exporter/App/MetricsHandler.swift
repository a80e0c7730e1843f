import PromText

/// Serves `/metrics`: runs the node collectors a request selects, adds the registry's own metrics, and writes the
/// format the scraper's `Accept` header negotiates.
///
/// `collect[]=` / `exclude[]=` select collectors per request as node_exporter does (an unknown name or both at
/// once is a 400). The collectors' deadline comes from Prometheus's `X-Prometheus-Scrape-Timeout-Seconds` header,
/// less a margin for rendering and transfer, so an overrunning collector is abandoned and reported while the rest
/// is still delivered in time.
///
/// Requests that arrive while an identical scrape (same format, collector selection and timeout header) started at
/// most ``coalescingWindow`` ago is still running share its response instead of collecting again (see
/// ``ScrapeCoalescer``): each response still comes from a scrape that was running when its request arrived.
public struct MetricsHandler: Sendable {
    /// The system collectors.
    public let collectors: CollectorSet
    /// Metrics about the exporter itself (process, HTTP, build info).
    public let registry: any Collector
    /// Called after every scrape with the collectors that failed, for logging and the liveness watchdog.
    public let onScrape: @Sendable (CollectorScrape) -> Void

    /// How long after a scrape started an identical request may still share its response; zero turns sharing off.
    public var coalescingWindow: Duration { coalescer.window }
    private let coalescer: ScrapeCoalescer<ScrapeKey, HTTPResponse>

    /// The share of the scraper's timeout the collectors may use.
    static let timeoutShare = 0.9

    /// Creates the handler; `coalescingWindow` is how late an identical request may join a running scrape.
    public init(
        collectors: CollectorSet,
        registry: any Collector,
        coalescingWindow: Duration = .milliseconds(5),
        onScrape: @escaping @Sendable (CollectorScrape) -> Void = { _ in }
    ) {
        self.collectors = collectors
        self.registry = registry
        self.onScrape = onScrape
        coalescer = ScrapeCoalescer(window: coalescingWindow)
    }

    /// Answers one scrape.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let key = ScrapeKey(
            negotiated: ContentNegotiation(accept: request.headers["accept"]),
            collect: request.query.values(for: "collect[]"),
            exclude: request.query.values(for: "exclude[]"),
            scrapeTimeout: request.headers["x-prometheus-scrape-timeout-seconds"])
        return coalescer.value(for: key) { scrape(key) }
    }

    private func scrape(_ key: ScrapeKey) -> HTTPResponse {
        let scrape: CollectorScrape
        do {
            scrape = try collectors.scrape(
                collect: key.collect, exclude: key.exclude,
                deadline: Self.deadline(scrapeTimeoutHeader: key.scrapeTimeout))
        } catch {
            return .text("\(error)\n", status: .badRequest)
        }
        onScrape(scrape)
        let negotiated = key.negotiated
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

/// What makes two `/metrics` requests answerable by the same scrape.
private struct ScrapeKey: Hashable, Sendable {
    var negotiated: ContentNegotiation
    var collect: [String]
    var exclude: [String]
    var scrapeTimeout: String?
}
