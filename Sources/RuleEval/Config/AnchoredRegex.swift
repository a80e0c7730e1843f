/// A regular expression matched against whole strings, as Prometheus compiles relabeling regexes
/// (`^(?:pattern)$`, so `.` does not match a line feed), with RE2 syntax and semantics.
///
/// The pattern goes through the shared RE2 layer (``RE2Regex``'s translator), which rejects what RE2 rejects
/// (backreferences, lookarounds...) with Go's messages and translates the rest to an equivalent Swift `Regex`
/// whose capture groups are kept for `replace` and `labelmap`.
public struct AnchoredRegex: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written, without the added anchors.
    public let pattern: String
    private let engine: Engine

    private enum Engine: Sendable {
        /// `(.*)`, the relabeling default, matched without a regex engine: any text without a line feed.
        case wholeLine
        case compiled(CompiledRegex)
    }

    /// Compiles `pattern` anchored at both ends.
    ///
    /// - Throws: `error parsing regexp: <RE2's message>` for a pattern RE2 rejects.
    public init(_ pattern: String) throws(AnchoredRegexError) {
        self.pattern = pattern
        if pattern == "(.*)" {
            engine = .wholeLine
            return
        }
        var translator = RE2Translator("^(?-s:" + pattern + ")$", keepsCaptureGroups: true)
        let translated: (pattern: String, matchesEmpty: Bool)
        do {
            translated = try translator.translate()
        } catch {
            // Prometheus compiles `^(?:pattern)$`; the wrapper spells out the `.` flag it leaves off.
            let message = error.message.replacing("^(?-s:", with: "^(?:")
            throw AnchoredRegexError(message: "error parsing regexp: \(message)")
        }
        guard let compiled = CompiledRegex(translated.pattern, matchesEmpty: translated.matchesEmpty) else {
            throw AnchoredRegexError(
                message: "error parsing regexp: pattern cannot be expressed in Swift's regex engine: `\(pattern)`")
        }
        engine = .compiled(compiled)
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        switch engine {
        case .wholeLine: !text.utf8.contains(UInt8(ascii: "\n"))
        case .compiled(let regex): regex.wholeMatch(text)
        }
    }

    /// The match of the whole of `text`, with its capture groups, or `nil`.
    public func match(_ text: String) -> Match? {
        switch engine {
        case .wholeLine:
            return matches(text) ? Match(groups: [(nil, text[...]), (nil, text[...])]) : nil
        case .compiled(let regex):
            return regex.groups(text).map { Match(groups: $0) }
        }
    }

    /// Expands `template` with a match as Go's `regexp.Expand` does: `$1`, `${1}`, `$name`, `${name}` are
    /// replaced by the group (empty if it did not take part), `$$` is a `$`, and a malformed reference keeps
    /// its `$`. A name is the longest run of letters, digits and `_`, so `$1x` names the group `1x`.
    public func expand(_ template: String, with match: Match) -> String {
        var result = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
                continue
            }
            guard let (name, remainder) = AnchoredRegex.extractName(rest) else {
                result += "$"
                continue
            }
            rest = remainder
            result += match.group(name) ?? ""
        }
        return result + rest
    }

    /// Reads `name`, `{name}` at the start of `text`, returning the name and what follows.
    private static func extractName(_ text: Substring) -> (String, Substring)? {
        var rest = text
        let braced = rest.first == "{"
        if braced { rest = rest.dropFirst() }
        let name = rest.prefix(while: { $0 == "_" || $0.isLetter || $0.isNumber })
        guard !name.isEmpty else { return nil }
        rest = rest.dropFirst(name.count)
        if braced {
            guard rest.first == "}" else { return nil }
            rest = rest.dropFirst()
        }
        return (String(name), rest)
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Regexes are equal when their patterns are.
    public static func == (lhs: AnchoredRegex, rhs: AnchoredRegex) -> Bool {
        lhs.pattern == rhs.pattern
    }

    /// Hashes the pattern.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
    }

    /// The capture groups of one match.
    public struct Match: Sendable {
        let groups: [(name: String?, value: Substring?)]

        /// Group `index` (0 is the whole match), or `nil` if it does not exist or did not take part.
        public func group(_ index: Int) -> Substring? {
            groups.indices.contains(index) ? groups[index].value : nil
        }

        /// The group a template reference names: a number without leading zeros is an index, anything else a
        /// group name.
        public func group(_ reference: String) -> Substring? {
            if let index = Int(reference), reference.allSatisfy(\.isASCII), reference.first != "+",
                !(reference.first == "0" && reference.count > 1)
            {
                return group(index)
            }
            return groups.first(where: { $0.name == reference })?.value
        }
    }
}

/// A relabeling regex that does not compile.
public struct AnchoredRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the pattern.
    public var message: String

    /// `message`.
    public var description: String { message }
}
