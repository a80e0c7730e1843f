/// Why a notification configuration cannot be used, in Alertmanager's words where it has them.
public struct NotifyConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `undefined receiver "team-x" used in route`.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// Builds matchers from the deprecated `match`/`match_re` maps and `matchers` strings, sorted as Alertmanager
    /// sorts them.
    static func matchers(
        equal: [String: String],
        regex: [String: String],
        texts: [String],
        field: String
    ) throws(NotifyConfigurationError) -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
        do {
            for (name, value) in equal { matchers.append(try AlertMatcher(name: name, type: .equal, value: value)) }
            for (name, value) in regex {
                // `config.Regexp.String()` is the anchored source, so the matcher (and the route key) carries it.
                matchers.append(try AlertMatcher(name: name, type: .regexMatch, value: "^(?:" + value + ")$"))
            }
            for text in texts { matchers += try AlertMatcherParser.parse(text) }
        } catch {
            throw NotifyConfigurationError("invalid \(field): \(error)")
        }
        return matchers.sortedAsAlertmanager()
    }
}
