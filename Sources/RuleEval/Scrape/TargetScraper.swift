import Exporter
import PromText

/// Fetches a target's exposition over HTTP or HTTPS (with the job's `tls_config`): the scrape timeout as the deadline, a cap on the body size, and the
/// request headers Prometheus sends.
public struct TargetScraper: Sendable {
    /// The largest body accepted, compressed or not; a larger one fails the scrape.
    public var maximumBodySize: Int

    /// Creates a scraper; the default cap is 64 MiB.
    public init(maximumBodySize: Int = 64 << 20) {
        self.maximumBodySize = maximumBodySize
    }

    /// Fetches `target` once; every failure becomes a ``ScrapeResponse/failure(_:)`` with the message to report.
    public func fetch(_ target: ScrapeTarget, configuration: ScrapeConfiguration) -> ScrapeResponse {
        guard target.scheme == "http" || target.scheme == "https" else {
            return .failure("scheme \(GoString.quoted(target.scheme)) is not supported")
        }
        guard let (host, port) = target.hostAndPort else {
            return .failure("invalid target address \(GoString.quoted(target.address))")
        }
        do {
            let headers = try ScrapeRequest.headers(for: configuration, timeout: target.timeout)
            let client = HTTPClient(
                timeout: target.timeout.duration, maximumBodySize: maximumBodySize,
                transport: TLSTransport.forScheme(target.scheme, configuration: configuration.tlsConfig))
            let response = try client.send(.get, host: host, port: port, target: target.requestTarget, headers: headers)
            return .response(
                status: response.status, contentType: response.headers["Content-Type"], body: response.body)
        } catch let error as ScrapeRequestError {
            return .failure(error.message)
        } catch {
            return .failure(String(describing: error))
        }
    }
}
