/// The exposition format, name escaping scheme and `Content-Type` to answer a scrape with, chosen from the
/// request's `Accept` header exactly as client_golang's promhttp does with OpenMetrics enabled
/// (`expfmt.NegotiateIncludingOpenMetrics`, without the protobuf formats, which Tocsin does not write).
///
/// The clauses are tried in goautoneg's order (highest `q` first). OpenMetrics is chosen only for a clause that
/// names `application/openmetrics-text` with `version=1.0.0`, or with `version=0.0.1` or no version (answered as
/// `version=0.0.1`; same body). `text/plain` with `version=0.0.4` or no version chooses the text format; `*/*`
/// and anything else choose nothing, and when no clause matches the answer is text 0.0.4. An `escaping=`
/// parameter with a known value on any clause up to and including the chosen one selects the escaping scheme
/// (the last one seen wins); otherwise it is ``NameEscapingScheme/default``. The `Content-Type` names the scheme
/// only when the scraper asked for one (`...; escaping=allow-utf-8`); otherwise it is the plain, long-standing
/// form — `text/plain; version=0.0.4; charset=utf-8` — which every Prometheus version accepts. (Recent
/// client_golang always appends `escaping=underscores`; Tocsin keeps the header that a 0.0.4 scraper expects.)
public struct ContentNegotiation: Sendable, Hashable {
    /// The format to write.
    public var format: ExpositionFormat
    /// How to write names outside the legacy character set.
    public var escaping: NameEscapingScheme
    /// The exact `Content-Type` header value to send.
    public var contentType: String

    /// Negotiates for the given `Accept` header value: `nil` or empty when the request had none, the first one
    /// when it had several (Go's `Header.Get`).
    public init(accept: String?) {
        var requested: NameEscapingScheme?
        for clause in AcceptClause.parseHeader(accept ?? "") {
            if let scheme = NameEscapingScheme(parameterValue: clause.parameter("escaping")) {
                requested = scheme
            }
            if let offer = Offer.allCases.first(where: { $0.matches(clause) }) {
                self.init(offer, requested)
                return
            }
        }
        self.init(.text, requested)
    }

    private init(_ offer: Offer, _ requested: NameEscapingScheme?) {
        format = offer.format
        escaping = requested ?? .default
        contentType =
            offer.type + "/" + offer.subtype + "; version=" + offer.version + "; charset=utf-8"
            + (requested.map { "; escaping=" + $0.parameterValue } ?? "")
    }

    /// The formats Tocsin offers, in client_golang's order of preference.
    private enum Offer: CaseIterable {
        case openMetrics1
        case openMetrics0
        case text

        var format: ExpositionFormat { self == .text ? .text : .openMetrics }

        var type: String { self == .text ? "text" : "application" }

        var subtype: String { self == .text ? "plain" : "openmetrics-text" }

        var version: String {
            switch self {
            case .openMetrics1: "1.0.0"
            case .openMetrics0: "0.0.1"
            case .text: "0.0.4"
            }
        }

        /// expfmt `matchFormat`: type and subtype equal or `*`, and the version equal (charset is not compared;
        /// a missing version means 0.0.1 for OpenMetrics and 0.0.4 for `text/plain`).
        func matches(_ clause: AcceptClause) -> Bool {
            guard clause.type == "*" || clause.type == type, clause.subtype == "*" || clause.subtype == subtype else {
                return false
            }
            var clauseVersion = clause.parameter("version")
            if clauseVersion.isEmpty && clause.type == "application" && clause.subtype == "openmetrics-text" {
                clauseVersion = "0.0.1"
            } else if clauseVersion.isEmpty && clause.type == "text" && clause.subtype == "plain" {
                clauseVersion = "0.0.4"
            }
            return clauseVersion == version
        }
    }
}
