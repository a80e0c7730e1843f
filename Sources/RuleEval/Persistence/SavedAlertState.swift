/// The alert state of every rule group as persisted in `alerts.json`: what ``AlertStateFile`` writes and loads,
/// and what ``RuleGroupEvaluator/restore(from:groupKey:now:outageTolerance:gracePeriod:)`` reads.
public struct SavedAlertState: Sendable, Hashable {
    /// Each group's saved alerting rules.
    public var groups: [RuleGroupKey: SavedRuleGroup]

    /// No saved state (the first start, or after a file that could not be read).
    public static let empty = SavedAlertState(groups: [:])

    /// Creates saved state from each group's rules.
    public init(groups: [RuleGroupKey: SavedRuleGroup]) {
        self.groups = groups
    }
}

/// The saved alerting rules of one group (``RuleGroupEvaluator/savedAlerts``): only rules with alerts appear.
public struct SavedRuleGroup: Sendable, Hashable {
    /// The rules, in file order.
    public var rules: [SavedAlertingRule]

    /// Creates a saved group.
    public init(rules: [SavedAlertingRule]) {
        self.rules = rules
    }
}

/// One alerting rule's alerts, with what identifies the rule: a rule is restored only when the group still has a
/// rule with the same `alert` name and `expr` (the `ordinal`-th such rule, counting from 0, when several share
/// both).
public struct SavedAlertingRule: Sendable, Hashable {
    /// The rule's `alert` name.
    public var name: String
    /// The rule's `expr` text.
    public var query: String
    /// How many earlier rules in the group have the same name and query.
    public var ordinal: Int
    /// The time up to which the alerts were known (``AlertTable/stateTime``), in milliseconds.
    public var stateTime: Int64
    /// The alert instances.
    public var alerts: [Alert]

    /// Creates a saved rule.
    public init(name: String, query: String, ordinal: Int, stateTime: Int64, alerts: [Alert]) {
        self.name = name
        self.query = query
        self.ordinal = ordinal
        self.stateTime = stateTime
        self.alerts = alerts
    }
}
