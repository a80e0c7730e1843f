/// One failure of a rule unit-test file, with where it happened.
public struct RuleTestFailure: Sendable, Hashable {
    /// The index of the test group in `tests:`, nil when the file itself failed to load.
    public var testIndex: Int?
    /// The index in `promql_expr_test` for an expression failure; nil for alert and rule failures.
    public var expressionIndex: Int?
    /// The failure as promtool prints it.
    public var message: String

    /// Creates a failure.
    public init(testIndex: Int? = nil, expressionIndex: Int? = nil, message: String) {
        self.testIndex = testIndex
        self.expressionIndex = expressionIndex
        self.message = message
    }
}
