import PromText

extension RuleFile {
    /// A rule that another rule in the file already produces: same alert or record name and same labels.
    public struct DuplicateRule: Sendable, Hashable {
        /// The alert or record name.
        public var metric: String
        /// The group labels merged with the rule labels (the rule's win), sorted by name.
        public var labels: Labels
    }

    /// promtool's duplicate-rule lint (`checkDuplicates`): rules with the same name and the same merged
    /// labels, each reported once, ordered by name and labels.
    public func duplicateRules() -> [DuplicateRule] {
        var rules: [DuplicateRule] = []
        for group in groups {
            for rule in group.rules {
                var merged: [String: String] = [:]
                for label in group.labels { merged[label.key] = label.value }
                for label in rule.labels { merged[label.key] = label.value }
                rules.append(
                    DuplicateRule(metric: rule.name, labels: Labels(merged.map { Label($0.key, $0.value) }).sorted()))
            }
        }
        rules.sort(by: RuleFile.precedes)
        var duplicates: [DuplicateRule] = []
        for (previous, rule) in zip(rules, rules.dropFirst()) where previous == rule {
            if duplicates.last != rule { duplicates.append(rule) }
        }
        return duplicates
    }

    /// promtool's lint message for `duplicates`, without its leading `lint error` word.
    public static func duplicateRulesMessage(_ duplicates: [DuplicateRule]) -> String {
        var message = "\(duplicates.count) duplicate rule(s) found.\n"
        for duplicate in duplicates {
            message += "Metric: \(duplicate.metric)\nLabel(s):\n"
            for label in duplicate.labels { message += "\t\(label.name): \(label.value)\n" }
        }
        return message + "Might cause inconsistency while recording expressions"
    }

    /// Orders by name, then by labels pair by pair (a prefix first), as promtool's `compareRuleTypes`.
    private static func precedes(_ lhs: DuplicateRule, _ rhs: DuplicateRule) -> Bool {
        if lhs.metric != rhs.metric { return lhs.metric < rhs.metric }
        for (left, right) in zip(lhs.labels, rhs.labels) where left != right {
            return left < right
        }
        return lhs.labels.count < rhs.labels.count
    }
}
