/// What fetching a target returned: a response to parse, or why there is none.
public enum ScrapeResponse: Sendable, Hashable {
    /// The target answered; a status other than 200 fails the scrape.
    case response(status: Int, contentType: String?, body: [UInt8])
    /// No usable response (connection refused, timeout, body too large, ...), with the message to report.
    case failure(String)
}
