/// A label matcher as the store applies it: `name op value`, where a label that is absent reads as "".
public struct LabelMatcher: Sendable {
    /// The four PromQL matcher operators.
    public enum MatchType: Sendable, Hashable {
        /// `=`
        case equal
        /// `!=`
        case notEqual
        /// `=~` (fully anchored)
        case regexMatch
        /// `!~` (fully anchored)
        case regexNoMatch
    }

    /// The label name (`__name__` for the metric name).
    public var name: String
    /// The operator.
    public var type: MatchType
    /// The literal value or regex source.
    public var value: String
    /// For regex matchers, whether the fully anchored pattern matches a string.
    private let regexMatches: @Sendable (String) -> Bool

    /// An equality or inequality matcher.
    public init(name: String, type: MatchType, value: String) {
        precondition(type == .equal || type == .notEqual, "regex matchers need a predicate")
        self.name = name
        self.type = type
        self.value = value
        self.regexMatches = { _ in false }
    }

    /// A regex matcher whose fully anchored pattern `value` is decided by `matches`.
    public init(name: String, regex value: String, negated: Bool, matches: @escaping @Sendable (String) -> Bool) {
        self.name = name
        self.type = negated ? .regexNoMatch : .regexMatch
        self.value = value
        self.regexMatches = matches
    }

    /// Whether a label value (`""` when the label is absent) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch type {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: regexMatches(labelValue)
        case .regexNoMatch: !regexMatches(labelValue)
        }
    }
}
