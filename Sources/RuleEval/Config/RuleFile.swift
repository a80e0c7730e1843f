import PromText

/// A Prometheus rule file (`groups:` of recording and alerting rules), decoded strictly and validated as
/// `promtool check rules` does, except for the checks that need the PromQL and template parsers: each rule
/// keeps its `expr` text with its position so those can run later.
public struct RuleFile: Sendable, Hashable {
    /// The groups in file order.
    public var groups: [Group]

    /// Creates a rule file.
    public init(groups: [Group] = []) {
        self.groups = groups
    }

    /// A group of rules evaluated together, in order.
    public struct Group: Sendable, Hashable {
        /// The group name, unique in the file.
        public var name: String
        /// How often the group is evaluated; `nil` means the global `evaluation_interval`.
        public var interval: PrometheusDuration?
        /// How far in the past the group evaluates; `nil` means the global `rule_query_offset`.
        public var queryOffset: PrometheusDuration?
        /// The maximum number of alerts or series a rule may produce (0 = no limit).
        public var limit: Int
        /// Labels added to every rule's result, in file order.
        public var labels: [YAMLStringEntry]
        /// The rules in evaluation order.
        public var rules: [Rule]
        /// Where the group's mapping starts.
        public var position: SourcePosition

        /// Creates a group.
        public init(
            name: String, interval: PrometheusDuration? = nil, queryOffset: PrometheusDuration? = nil, limit: Int = 0,
            labels: [YAMLStringEntry] = [], rules: [Rule] = [], position: SourcePosition
        ) {
            self.name = name
            self.interval = interval
            self.queryOffset = queryOffset
            self.limit = limit
            self.labels = labels
            self.rules = rules
            self.position = position
        }
    }

    /// One recording (`record`) or alerting (`alert`) rule.
    public struct Rule: Sendable, Hashable {
        /// The `record` name, or empty for an alerting rule.
        public var record: String
        /// The `alert` name, or empty for a recording rule.
        public var alert: String
        /// The PromQL expression text, not parsed yet.
        public var expr: String
        /// Where the `expr` value starts (for a block scalar, its `|` or `>` indicator).
        public var exprPosition: SourcePosition
        /// How long an alert is pending before it fires.
        public var forDuration: PrometheusDuration
        /// How long an alert keeps firing after its condition cleared.
        public var keepFiringFor: PrometheusDuration
        /// Labels added to the result, in file order (alerting rule values are templates).
        public var labels: [YAMLStringEntry]
        /// Alert annotations, in file order (values are templates).
        public var annotations: [YAMLStringEntry]
        /// Where the rule's mapping starts.
        public var position: SourcePosition
        /// Where the `record` value is written, if it is.
        public var recordPosition: SourcePosition?
        /// Where the `alert` value is written, if it is.
        public var alertPosition: SourcePosition?

        /// The alert or record name.
        public var name: String { alert.isEmpty ? record : alert }

        /// Creates a rule.
        public init(
            record: String = "", alert: String = "", expr: String, exprPosition: SourcePosition,
            forDuration: PrometheusDuration = .zero, keepFiringFor: PrometheusDuration = .zero,
            labels: [YAMLStringEntry] = [], annotations: [YAMLStringEntry] = [], position: SourcePosition
        ) {
            self.record = record
            self.alert = alert
            self.expr = expr
            self.exprPosition = exprPosition
            self.forDuration = forDuration
            self.keepFiringFor = keepFiringFor
            self.labels = labels
            self.annotations = annotations
            self.position = position
        }
    }

    /// Reads and validates the rule file at `path`.
    public static func load(fileAt path: String, names: NameValidationScheme = .utf8, checks: RuleChecks = .none)
        throws(RuleFileError) -> RuleFile
    {
        let bytes: [UInt8]
        do {
            bytes = try readFile(atPath: path)
        } catch {
            throw RuleFileError(errors: [error])
        }
        return try parse(bytes, fileName: path, names: names, checks: checks)
    }
}
