import PromText

/// Evaluates PromQL expressions at one instant over a ``SampleStore`` with Prometheus 3 semantics: left-open
/// lookback and range windows, stale markers ending a series, `offset`, `@`, subqueries aligned to absolute
/// multiples of their step, and the float functions, aggregations and operators of `promql/engine.go`.
///
/// ```swift
/// let engine = QueryEngine(store: store)
/// let value = try engine.evaluate(PromQLParser.parse("sum(rate(http_requests_total[5m]))"), at: 600_000)
/// ```
public struct QueryEngine: Sendable {
    /// The store the selectors read.
    public let store: SampleStore
    /// How far back an instant selector looks for a sample, in milliseconds (Prometheus's default 5m).
    public var lookbackDelta: Int64
    /// The step of a subquery written without one, in milliseconds (the evaluation interval).
    public var defaultSubqueryStep: Int64
    /// The most steps one subquery may evaluate, so a query like `x[1y:1ms]` fails instead of running for hours.
    public static let maximumSubquerySteps: Int64 = 1_000_000

    /// Creates an engine reading `store`.
    public init(store: SampleStore, lookbackDelta: Int64 = 300_000, defaultSubqueryStep: Int64 = 60_000) {
        self.store = store
        self.lookbackDelta = lookbackDelta
        self.defaultSubqueryStep = defaultSubqueryStep
    }

    /// Evaluates `expression` as an instant query at `time` (milliseconds since the epoch).
    public func evaluate(_ expression: Expression, at time: Int64) throws(EvaluationError) -> QueryValue {
        let evaluator = Evaluator(engine: self, queryTime: time)
        return try evaluator.evaluate(expression, at: time)
    }

    /// Parses `text` and evaluates it at `time`; a parse error becomes an ``EvaluationError`` with its message.
    public func evaluate(_ text: String, at time: Int64) throws(EvaluationError) -> QueryValue {
        let expression: Expression
        do {
            expression = try PromQLParser.parse(text)
        } catch {
            throw EvaluationError("\(error)")
        }
        return try evaluate(expression, at: time)
    }
}
