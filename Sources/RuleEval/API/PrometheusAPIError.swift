import Exporter
import PromText

/// A failed API call as Prometheus reports it: an `errorType` naming the class of failure, the HTTP status that
/// class maps to, and the message.
///
/// The body is `{"status":"error","errorType":"bad_data","error":"..."}`.
public struct PrometheusAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure, spelled as Prometheus's `errorType`.
    public enum Kind: String, Sendable, Hashable {
        /// The request's parameters are invalid (400).
        case badData = "bad_data"
        /// The query failed while running (422).
        case execution
        /// The query ran past its timeout (503).
        case timeout
        /// The query was canceled (499).
        case canceled
        /// The server failed (500).
        case `internal`
        /// The server cannot answer yet (503).
        case unavailable
        /// The resource does not exist (404).
        case notFound = "not_found"

        /// The HTTP status Prometheus's `respondError` sends for this kind.
        public var status: HTTPStatus {
            switch self {
            case .badData: .badRequest
            case .execution: HTTPStatus(code: 422, reasonPhrase: "Unprocessable Entity")
            case .timeout, .unavailable: .serviceUnavailable
            case .canceled: HTTPStatus(code: 499, reasonPhrase: "Client Closed Request")
            case .internal: .internalServerError
            case .notFound: .notFound
            }
        }
    }

    /// The class of failure.
    public var kind: Kind
    /// The message, e.g. `invalid parameter "query": 1:5: parse error: unexpected end of input`.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A `bad_data` error about one parameter, worded as Prometheus's `invalidParamError`:
    /// `invalid parameter "<name>": <reason>`.
    static func invalidParameter(_ name: String, _ reason: String) -> PrometheusAPIError {
        PrometheusAPIError(.badData, "invalid parameter \(GoString.quoted(name)): \(reason)")
    }

    /// `message`.
    public var description: String { message }
}
