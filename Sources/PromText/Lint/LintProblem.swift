/// One finding of ``MetricLinter``: the family it concerns and what is wrong, worded as `promtool check metrics`
/// words it.
public struct LintProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The family name the problem was found on.
    public var metric: String
    /// The description of the problem.
    public var text: String

    /// Creates a problem.
    public init(metric: String, text: String) {
        self.metric = metric
        self.text = text
    }

    /// Orders by metric name, then by text, as promtool prints problems.
    public static func < (lhs: LintProblem, rhs: LintProblem) -> Bool {
        lhs.metric != rhs.metric ? lhs.metric < rhs.metric : lhs.text < rhs.text
    }

    /// `metric text`, the line promtool prints.
    public var description: String { "\(metric) \(text)" }
}
