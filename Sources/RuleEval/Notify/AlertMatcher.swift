import PromText

/// One Alertmanager label matcher (`pkg/labels.Matcher`): `name op value`, where an absent label reads as `""`
/// and regexes must match the whole value.
public struct AlertMatcher: Sendable, Hashable, CustomStringConvertible {
    /// The four matcher operators, in Alertmanager's order (used for sorting).
    public enum MatchType: String, Sendable, Hashable, Comparable {
        /// `=`
        case equal = "="
        /// `!=`
        case notEqual = "!="
        /// `=~`
        case regexMatch = "=~"
        /// `!~`
        case regexNoMatch = "!~"

        private var order: Int {
            switch self {
            case .equal: 0
            case .notEqual: 1
            case .regexMatch: 2
            case .regexNoMatch: 3
            }
        }

        /// Orders as Go's `MatchType` constants.
        public static func < (lhs: MatchType, rhs: MatchType) -> Bool { lhs.order < rhs.order }
    }

    /// The label name.
    public let name: String
    /// The operator.
    public let type: MatchType
    /// The literal value or regex source.
    public let value: String
    private let regex: MatcherRegex?

    /// Creates a matcher; throws ``AlertMatcherError`` when a regex operator's value does not compile.
    public init(name: String, type: MatchType, value: String) throws(AlertMatcherError) {
        self.name = name
        self.type = type
        self.value = value
        switch type {
        case .equal, .notEqual:
            self.regex = nil
        case .regexMatch, .regexNoMatch:
            do {
                self.regex = try MatcherRegex(value)
            } catch {
                throw AlertMatcherError(message: "invalid regular expression \(GoString.quoted(value))")
            }
        }
    }

    /// Whether a label value (`""` for an absent label) satisfies the matcher.
    public func matches(value labelValue: String) -> Bool {
        switch type {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: regex?.matches(labelValue) ?? false
        case .regexNoMatch: !(regex?.matches(labelValue) ?? false)
        }
    }

    /// Whether `labels` satisfy the matcher.
    public func matches(_ labels: Labels) -> Bool {
        matches(value: labels.value(of: name))
    }

    /// `name="value"` as `Matcher.String()` prints it: the value Go-quoted, the name quoted only when it holds a
    /// character the matcher syntax reserves.
    public var description: String {
        let reserved = name.unicodeScalars.contains {
            $0.properties.isWhitespace || "{}!=~,\\\"'`".unicodeScalars.contains($0)
        }
        return (reserved ? GoString.quoted(name) : name) + type.rawValue + GoString.quoted(value)
    }

    /// Equal when name, operator and value are equal.
    public static func == (lhs: AlertMatcher, rhs: AlertMatcher) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.value == rhs.value
    }

    /// Hashes name, operator and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(value)
    }
}

extension [AlertMatcher] {
    /// Whether every matcher matches `labels` (an empty list matches everything).
    public func allMatch(_ labels: Labels) -> Bool {
        allSatisfy { $0.matches(labels) }
    }

    /// Sorted as `labels.Matchers` sorts: by name, then value, then operator (Go byte order).
    public func sortedAsAlertmanager() -> [AlertMatcher] {
        sorted { lhs, rhs in
            if lhs.name != rhs.name { return GoString.less(lhs.name, rhs.name) }
            if lhs.value != rhs.value { return GoString.less(lhs.value, rhs.value) }
            return lhs.type < rhs.type
        }
    }

    /// `{a="b",c=~"d"}` as `labels.Matchers.String()` prints it.
    public var alertmanagerText: String {
        "{" + map(\.description).joined(separator: ",") + "}"
    }
}
