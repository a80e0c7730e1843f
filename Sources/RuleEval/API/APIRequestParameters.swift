import Exporter
import PromText

/// The form values of an API request as Go's `Request.ParseForm` merges them: for a `POST` with an
/// `application/x-www-form-urlencoded` body, the body's values come first, then the URL query's.
struct APIRequestParameters: Sendable {
    /// Every value, body values first.
    let values: QueryParameters
    /// The URL query alone (Prometheus reads `state`, `type` and friends from `r.URL.Query()`).
    let urlQuery: QueryParameters

    /// The earliest time Prometheus accepts (`minTime`, about year -292 million), in milliseconds.
    static let minimumTime: Int64 = -9_223_309_901_258_974_000
    /// The latest time Prometheus accepts (`maxTime`), in milliseconds.
    static let maximumTime: Int64 = 9_223_309_901_258_974_999

    /// Reads the parameters of `request`.
    init(_ request: HTTPRequest) {
        urlQuery = request.query
        var pairs: [QueryParameters.Pair] = []
        if request.method == .post, Self.isFormEncoded(request.headers["Content-Type"]) {
            pairs = QueryParameters(parsing: Substring(String(decoding: request.body, as: UTF8.self))).pairs
        }
        values = QueryParameters(pairs + request.query.pairs)
    }

    /// Go's `FormValue`: the first value of `name`, or empty.
    subscript(_ name: String) -> String {
        values[name] ?? ""
    }

    /// A time parameter that may be absent (Prometheus's `parseTimeParam`): `fallback` when empty.
    func time(_ name: String, default fallback: Int64) throws(PrometheusAPIError) -> Int64 {
        let text = self[name]
        if text.isEmpty { return fallback }
        do {
            return try Self.parseTime(text)
        } catch {
            throw .invalidParameter(name, "invalid time value for '\(name)': \(error.message)")
        }
    }

    /// A required time parameter (Prometheus's `parseTime` on the form value).
    func requiredTime(_ name: String) throws(PrometheusAPIError) -> Int64 {
        do {
            return try Self.parseTime(self[name])
        } catch {
            throw .invalidParameter(name, error.message)
        }
    }

    /// A duration parameter, in nanoseconds (Prometheus's `parseDuration`).
    func duration(_ name: String) throws(PrometheusAPIError) -> Int64 {
        let text = self[name]
        if let seconds = Double(text), !text.isEmpty {
            let nanoseconds = seconds * 1e9
            guard nanoseconds.isFinite, nanoseconds < 0x1p63, nanoseconds >= -0x1p63 else {
                throw .invalidParameter(
                    name, "cannot parse \(GoString.quoted(text)) to a valid duration. It overflows int64")
            }
            return Int64(nanoseconds)
        }
        guard let duration = try? PrometheusDuration(parsing: text) else {
            throw .invalidParameter(name, "cannot parse \(GoString.quoted(text)) to a valid duration")
        }
        return duration.milliseconds * 1_000_000
    }

    /// The `match[]` values parsed as series selectors (Prometheus's `parseMatchersParam`): each must be a plain
    /// vector selector; the parser already demands a matcher that does not match the empty string.
    func matcherSets() throws(PrometheusAPIError) -> [[LabelMatcher]] {
        var sets: [[LabelMatcher]] = []
        for text in values.values(for: "match[]") {
            let expression: Expression
            do {
                expression = try PromQLParser.parse(text)
            } catch {
                throw PrometheusAPIError(.badData, error.description)
            }
            guard case .vectorSelector(let selector) = expression, selector.offsetMilliseconds == 0, selector.at == nil
            else {
                throw PrometheusAPIError(
                    .badData, "1:1: parse error: \(GoString.quoted(text)) is not a series selector")
            }
            sets.append(selector.storeMatchers)
        }
        return sets
    }

    /// Prometheus's `parseTime`: Unix seconds as a float (rounded to milliseconds), RFC 3339, or the spelled-out
    /// minimum and maximum times.
    static func parseTime(_ text: String) throws(TimeParseError) -> Int64 {
        if let seconds = Double(text), seconds.isFinite {
            let whole = seconds.rounded(.towardZero)
            let fraction = ((seconds - whole) * 1000).rounded() / 1000
            guard whole.magnitude < 9.2e15 else { throw TimeParseError(text) }
            var wholeSeconds = Int64(whole)
            var nanoseconds = Int64(fraction * 1e9)
            wholeSeconds += nanoseconds / 1_000_000_000
            nanoseconds %= 1_000_000_000
            if nanoseconds < 0 {
                nanoseconds += 1_000_000_000
                wholeSeconds -= 1
            }
            return wholeSeconds * 1000 + nanoseconds / 1_000_000
        }
        if let milliseconds = RFC3339Time.parse(text) { return milliseconds }
        switch text {
        case "-292273086-05-16T16:47:06Z": return minimumTime
        case "292277025-08-18T07:12:54.999999999Z": return maximumTime
        default: throw TimeParseError(text)
        }
    }

    /// Why a time parameter is not a time: `cannot parse "x" to a valid timestamp`.
    struct TimeParseError: Error {
        let message: String

        init(_ text: String) {
            message = "cannot parse \(GoString.quoted(text)) to a valid timestamp"
        }
    }

    private static func isFormEncoded(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" }
        return mediaType.lowercased() == "application/x-www-form-urlencoded"
    }
}
