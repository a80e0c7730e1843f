import PromText

/// A silence in Alertmanager's API v2 shape: matchers that mute alerts between `startsAt` and `endsAt`.
/// Times are milliseconds since the Unix epoch.
public struct Silence: Sendable, Hashable {
    /// One matcher as API v2 spells it.
    public struct Matcher: Sendable, Hashable {
        /// Label name.
        public var name: String
        /// Value or regex.
        public var value: String
        /// Whether `value` is a regex.
        public var isRegex: Bool
        /// Whether the match is positive (`=`, `=~`) rather than negated (`!=`, `!~`); defaults to true.
        public var isEqual: Bool

        /// Creates a matcher.
        public init(name: String, value: String, isRegex: Bool = false, isEqual: Bool = true) {
            self.name = name
            self.value = value
            self.isRegex = isRegex
            self.isEqual = isEqual
        }

        /// The equivalent ``AlertMatcher``; throws when the regex does not compile.
        public func alertMatcher() throws(AlertMatcherError) -> AlertMatcher {
            let type: AlertMatcher.MatchType =
                switch (isRegex, isEqual) {
                case (false, true): .equal
                case (false, false): .notEqual
                case (true, true): .regexMatch
                case (true, false): .regexNoMatch
                }
            return try AlertMatcher(name: name, type: type, value: value)
        }
    }

    /// `active`, `pending` or `expired`.
    public enum State: String, Sendable, Hashable {
        /// Muting now.
        case active
        /// Starts in the future.
        case pending
        /// Ended.
        case expired
    }

    /// The silence ID (a UUID); empty for a silence not yet stored.
    public var id: String
    /// The matchers; all must match for an alert to be muted.
    public var matchers: [Matcher]
    /// When muting starts.
    public var startsAt: Int64
    /// When muting ends.
    public var endsAt: Int64
    /// When the silence was last changed.
    public var updatedAt: Int64
    /// Who created it.
    public var createdBy: String
    /// Why.
    public var comment: String

    /// Creates a silence.
    public init(
        id: String = "",
        matchers: [Matcher],
        startsAt: Int64,
        endsAt: Int64,
        updatedAt: Int64 = 0,
        createdBy: String,
        comment: String
    ) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// The state at `now` (`types.CalcSilenceState`): pending before `startsAt`, active before `endsAt`, then
    /// expired.
    public func state(at now: Int64) -> State {
        if now < startsAt { return .pending }
        if now < endsAt { return .active }
        return .expired
    }
}
