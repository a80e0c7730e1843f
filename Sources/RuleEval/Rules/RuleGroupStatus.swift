/// One rule group as the rules API and the status page show it.
public struct RuleGroupStatus: Sendable, Hashable {
    /// The group name.
    public var name: String
    /// The rule file the group came from.
    public var file: String
    /// The evaluation interval, in milliseconds.
    public var interval: Int64
    /// The group's `limit` (0: none).
    public var limit: Int
    /// The group's `query_offset`, in milliseconds.
    public var queryOffset: Int64
    /// When the group was last evaluated, in milliseconds since the epoch; `nil` before the first evaluation.
    public var lastEvaluation: Int64?
    /// How long the last evaluation of the whole group took.
    public var evaluationDuration: Duration
    /// The rules, in file order.
    public var rules: [RuleStatus]

    /// Creates a group status.
    public init(
        name: String, file: String, interval: Int64, limit: Int, queryOffset: Int64, lastEvaluation: Int64?,
        evaluationDuration: Duration, rules: [RuleStatus]
    ) {
        self.name = name
        self.file = file
        self.interval = interval
        self.limit = limit
        self.queryOffset = queryOffset
        self.lastEvaluation = lastEvaluation
        self.evaluationDuration = evaluationDuration
        self.rules = rules
    }
}
