import PromText

/// How a label matcher compares a label's value.
public enum MatchType: String, Sendable, Equatable {
    /// `=`
    case equal = "="
    /// `!=`
    case notEqual = "!="
    /// `=~`, fully anchored RE2.
    case regexMatch = "=~"
    /// `!~`, fully anchored RE2.
    case regexNoMatch = "!~"
}

/// One `label<op>"value"` inside a selector's braces.
public struct LabelMatcher: Sendable, Equatable, CustomStringConvertible {
    /// The label name (`__name__` for the metric name).
    public var name: String
    /// The comparison.
    public var type: MatchType
    /// The value or regular expression, unquoted.
    public var value: String
    /// The compiled regular expression for `=~` and `!~`.
    public var regex: RE2Regex?
    /// Where the matcher was parsed from.
    public var positionRange: PositionRange

    /// Creates a matcher; throws for an invalid regular expression (positions then point at offset 0).
    public init(name: String, type: MatchType, value: String, positionRange: PositionRange = .none)
        throws(RE2Regex.SyntaxError)
    {
        self.name = name
        self.type = type
        self.value = value
        self.positionRange = positionRange
        switch type {
        case .equal, .notEqual: regex = nil
        case .regexMatch, .regexNoMatch: regex = try RE2Regex(value)
        }
    }

    /// `name="value"`, the name quoted when outside the legacy character set.
    public var description: String { labelNameText(name) + type.rawValue + GoString.quoted(value) }

    /// Whether a label with value `labelValue` (empty when the label is absent) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch type {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: regex?.matches(labelValue) ?? false
        case .regexNoMatch: !(regex?.matches(labelValue) ?? false)
        }
    }
}
