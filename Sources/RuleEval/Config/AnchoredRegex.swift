/// A regular expression matched against whole strings, as Prometheus compiles relabeling regexes
/// (`^(?:pattern)$`).
///
/// This is the one place Tocsin compiles configuration regexes, so the engine can be replaced (Prometheus uses
/// RE2 syntax). It currently uses Swift `Regex` with Unicode-scalar matching and ASCII-only `\d \w \s`, which
/// agrees with RE2 on the syntax configurations use (classes, `[[:alpha:]]`, `(?i)`, `(?P<name>...)`,
/// `\Q...\E`); RE2's `\pL`-style Unicode classes are not supported.
public struct AnchoredRegex: @unchecked Sendable, Hashable, CustomStringConvertible {
    // @unchecked: Regex is immutable once built; its lazily compiled program is published atomically.
    /// The pattern as written, without the added anchors.
    public let pattern: String
    private let engine: Engine

    private enum Engine {
        /// `(.*)`, the relabeling default, matched without a regex engine: any text without a line feed.
        case wholeLine
        case compiled(Regex<AnyRegexOutput>)
    }

    /// Compiles `pattern` anchored at both ends.
    public init(_ pattern: String) throws(AnchoredRegexError) {
        self.pattern = pattern
        if pattern == "(.*)" {
            engine = .wholeLine
            return
        }
        do {
            engine = .compiled(
                try Regex("^(?:" + pattern + ")$").matchingSemantics(.unicodeScalar).asciiOnlyCharacterClasses())
        } catch {
            throw AnchoredRegexError(message: "error parsing regexp: \(error): `\(pattern)`")
        }
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        switch engine {
        case .wholeLine: !text.utf8.contains(UInt8(ascii: "\n"))
        case .compiled(let regex): (try? regex.firstMatch(in: text)) != nil
        }
    }

    /// The match of the whole of `text`, with its capture groups, or `nil`.
    public func match(_ text: String) -> Match? {
        switch engine {
        case .wholeLine:
            return matches(text) ? Match(groups: [(nil, text[...]), (nil, text[...])]) : nil
        case .compiled(let regex):
            guard let match = try? regex.firstMatch(in: text) else { return nil }
            return Match(groups: match.output.map { ($0.name, $0.substring) })
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
