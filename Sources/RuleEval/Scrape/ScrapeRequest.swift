import Exporter
import PromText

/// The headers of a scrape request, as Prometheus 3 sends them with its default `scrape_protocols`.
enum ScrapeRequest {
    /// Prometheus 3's default `Accept`: OpenMetrics 1.0.0 and 0.0.1, then the text format 1.0.0 and 0.0.4, weighted
    /// in that order, then anything.
    static let accept =
        "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
        + "application/openmetrics-text;version=0.0.1;q=0.5,"
        + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2"

    /// The `User-Agent`.
    static var userAgent: String { "Tocsin/\(BuildInfo.version)" }

    /// The headers for scraping with `configuration` within `timeout`; credential files are read now, as
    /// Prometheus re-reads them for every request.
    static func headers(for configuration: ScrapeConfiguration, timeout: PrometheusDuration) throws(ScrapeRequestError)
        -> HTTPHeaders
    {
        var headers: HTTPHeaders = [
            "Accept": accept,
            "Accept-Encoding": "gzip",
            "User-Agent": userAgent,
            "X-Prometheus-Scrape-Timeout-Seconds": secondsText(timeout),
        ]
        do {
            if let credentials = try CredentialHeader.value(
                basicAuth: configuration.basicAuth, authorization: configuration.authorization)
            {
                headers.add(name: "Authorization", value: credentials)
            }
        } catch {
            throw ScrapeRequestError(message: error.message)
        }
        return headers
    }

    /// Go's `strconv.FormatFloat(seconds, 'f', -1, 64)` for a millisecond duration: `10`, `0.5`, `1.25`.
    static func secondsText(_ duration: PrometheusDuration) -> String {
        let whole = duration.milliseconds / 1000
        var fraction = String(duration.milliseconds % 1000)
        if fraction == "0" { return String(whole) }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
