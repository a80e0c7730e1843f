import PromText

/// One rule as the rules API and the status page show it: its definition and the outcome of its last evaluation.
public struct RuleStatus: Sendable, Hashable {
    /// Whether the rule records a series or raises alerts.
    public enum Kind: String, Sendable, Hashable {
        /// A `record:` rule.
        case recording
        /// An `alert:` rule.
        case alerting
    }

    /// The record name or alert name.
    public var name: String
    /// The rule's PromQL expression as written.
    public var query: String
    /// Recording or alerting.
    public var kind: Kind
    /// The rule's `labels:` (unexpanded templates for alerting rules).
    public var labels: Labels
    /// The rule's `annotations:` (unexpanded templates).
    public var annotations: Labels
    /// The rule's `for`, in milliseconds.
    public var holdDuration: Int64
    /// The rule's `keep_firing_for`, in milliseconds.
    public var keepFiringFor: Int64
    /// Whether the last evaluation succeeded.
    public var health: RuleHealth
    /// The last evaluation's error, empty when it succeeded.
    public var lastError: String
    /// When the rule was last evaluated, in milliseconds since the epoch; `nil` before the first evaluation.
    public var lastEvaluation: Int64?
    /// How long the last evaluation took.
    public var evaluationDuration: Duration
    /// Pending and firing alerts of an alerting rule, sorted by labels; empty for recording rules.
    public var alerts: [Alert]
    /// The highest state of the rule's alerts (`inactive` for recording rules).
    public var state: AlertState

    /// Creates a rule status.
    public init(
        name: String, query: String, kind: Kind, labels: Labels, annotations: Labels, holdDuration: Int64,
        keepFiringFor: Int64, health: RuleHealth = .unknown, lastError: String = "", lastEvaluation: Int64? = nil,
        evaluationDuration: Duration = .zero, alerts: [Alert] = [], state: AlertState = .inactive
    ) {
        self.name = name
        self.query = query
        self.kind = kind
        self.labels = labels
        self.annotations = annotations
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.health = health
        self.lastError = lastError
        self.lastEvaluation = lastEvaluation
        self.evaluationDuration = evaluationDuration
        self.alerts = alerts
        self.state = state
    }
}
