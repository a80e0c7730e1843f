/// Decides whether to gzip a response body and rewrites the response when it does.
///
/// A body is compressed when the request accepts gzip (`Accept-Encoding`, honouring `q=0`), the response has no
/// `Content-Encoding` yet, its `Content-Type` is textual (`text/*`, JSON, OpenMetrics, XML) and it is at least
/// ``minimumBytes`` long. Every response that could have been compressed gets `Vary: Accept-Encoding`, so caches
/// keep the two representations apart.
public struct ResponseCompression: Sendable, Hashable {
    /// Bodies shorter than this are sent as they are (compression would not pay for its header).
    public var minimumBytes: Int

    /// Creates the policy; 1 KiB by default.
    public init(minimumBytes: Int = 1024) {
        self.minimumBytes = minimumBytes
    }

    /// Gzips `response` if the policy allows it for a request with `requestHeaders`.
    func apply(to response: inout HTTPResponse, requestHeaders: HTTPHeaders) {
        guard response.body.count >= minimumBytes, !response.headers.contains("Content-Encoding"),
            let contentType = response.headers["Content-Type"], ResponseCompression.isCompressible(contentType)
        else { return }
        response.headers.add(name: "Vary", value: "Accept-Encoding")
        guard ResponseCompression.acceptsGzip(requestHeaders), let compressed = GzipCompressor.compress(response.body)
        else { return }
        response.body = compressed
        response.headers.add(name: "Content-Encoding", value: "gzip")
    }

    /// Whether `Accept-Encoding` allows gzip: `gzip`/`x-gzip` or `*` with a non-zero quality.
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        var wildcard = false
        for element in headers.listElements(for: "Accept-Encoding") {
            let parts = element.split(separator: ";").map(\.trimmingHTTPWhitespace)
            let coding = parts.first ?? ""
            let acceptable = !parts.dropFirst().contains { parameter in
                let nameAndValue = parameter.split(separator: "=", maxSplits: 1)
                return nameAndValue.count == 2 && nameAndValue[0].trimmingHTTPWhitespace.equalsIgnoringASCIICase("q")
                    && Double(nameAndValue[1].trimmingHTTPWhitespace) == 0
            }
            if coding.equalsIgnoringASCIICase("gzip") || coding.equalsIgnoringASCIICase("x-gzip") {
                return acceptable
            }
            if coding == "*" { wildcard = acceptable }
        }
        return wildcard
    }

    /// Whether a body of `contentType` is text that compresses well.
    static func isCompressible(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first.map { Substring($0).trimmingHTTPWhitespace } ?? ""
        let lowered = String(decoding: mediaType.utf8.map(ASCII.lowercased), as: UTF8.self)
        return lowered.hasPrefix("text/") || lowered.hasSuffix("json") || lowered.hasSuffix("+xml")
            || lowered == "application/xml" || lowered == "application/openmetrics-text"
            || lowered == "application/javascript"
    }
}
