import PromText

/// Applies `inhibit_rules` as Alertmanager's `inhibit.Inhibitor` does: a target alert is muted while a firing
/// source alert has the same values for the rule's `equal` labels (absent equals absent). An alert that matches
/// both sides of a rule is never inhibited by a source that also matches the target side, so it cannot inhibit
/// itself.
public struct Inhibitor: Sendable {
    /// One rule with its source alerts seen so far.
    struct Rule: Sendable {
        var sourceMatchers: [AlertMatcher]
        var targetMatchers: [AlertMatcher]
        var equal: [String]
        var sources: [LabelSetFingerprint: NotifierAlert] = [:]
    }

    private var rules: [Rule]

    /// Builds the rules; throws when a matcher does not parse.
    public init(_ configurations: [InhibitRuleConfiguration]) throws(NotifyConfigurationError) {
        var rules: [Rule] = []
        for configuration in configurations {
            rules.append(
                Rule(
                    sourceMatchers: try NotifyConfigurationError.matchers(
                        equal: configuration.sourceMatch, regex: configuration.sourceMatchRE,
                        texts: configuration.sourceMatchers, field: "source_matchers"),
                    targetMatchers: try NotifyConfigurationError.matchers(
                        equal: configuration.targetMatch, regex: configuration.targetMatchRE,
                        texts: configuration.targetMatchers, field: "target_matchers"),
                    equal: configuration.equal))
        }
        self.rules = rules
    }

    /// Remembers `alert` as a possible source for every rule whose source side it matches.
    public mutating func observe(_ alert: NotifierAlert) {
        for index in rules.indices where rules[index].sourceMatchers.allMatch(alert.labels) {
            rules[index].sources[alert.fingerprint] = alert
        }
    }

    /// The fingerprint of a firing alert that inhibits an alert with `labels` at `now`, or `nil`.
    public func inhibitor(of labels: Labels, now: Int64) -> LabelSetFingerprint? {
        for rule in rules where rule.targetMatchers.allMatch(labels) {
            let excludeTwoSided = rule.sourceMatchers.allMatch(labels)
            for source in rule.sources.values.sorted(by: { $0.fingerprint < $1.fingerprint }) {
                guard !source.isResolved(at: now) else { continue }
                guard rule.equal.allSatisfy({ source.labels.value(of: $0) == labels.value(of: $0) }) else { continue }
                if excludeTwoSided, rule.targetMatchers.allMatch(source.labels) { continue }
                return source.fingerprint
            }
        }
        return nil
    }

    /// Whether an alert with `labels` is inhibited at `now`.
    public func isInhibited(_ labels: Labels, now: Int64) -> Bool {
        inhibitor(of: labels, now: now) != nil
    }

    /// Forgets source alerts resolved before `now`.
    public mutating func collectGarbage(now: Int64) {
        for index in rules.indices {
            rules[index].sources = rules[index].sources.filter { !$0.value.isResolved(at: now) }
        }
    }
}
