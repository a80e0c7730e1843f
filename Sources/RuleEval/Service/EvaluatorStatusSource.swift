/// What the HTTP API and the status page read of a running evaluator. The service implements it; tests can
/// supply a fixed one.
public protocol EvaluatorStatusSource: Sendable {
    /// The engine over the evaluator's sample store (for queries, series and label lookups).
    var engine: QueryEngine { get }
    /// Every scrape target with the outcome of its last scrape, in configuration order.
    func targets() -> [ScrapeTargetStatus]
    /// Every rule group with its rules' last evaluation and active alerts, in configuration order.
    func ruleGroups() -> [RuleGroupStatus]
    /// The external labels of the loaded configuration (`global.external_labels`).
    func externalLabels() -> [String: String]
    /// When the evaluator started, in milliseconds since the epoch.
    var startTime: Int64 { get }
}
