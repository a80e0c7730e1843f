/// A regular expression in RE2 syntax, matched fully anchored (`^(?:re)$`) as Prometheus label matchers are.
///
/// The pattern is validated against RE2's grammar (Go's `regexp/syntax` with `Perl|DotNL`, so `.` matches a
/// newline) and translated into an equivalent Swift `Regex` run with Unicode-scalar semantics. What RE2 rejects
/// (backreferences, lookarounds, possessive quantifiers...) is a `SyntaxError`; RE2 constructs that this
/// translation cannot reproduce exactly (`(?m)`, `\C`) are rejected as unsupported rather than matched
/// differently. Literals, literal alternations, `prefix.*`, `.*suffix`, `.*` and `.+` skip the regex engine.
public struct RE2Regex: Sendable, Equatable, CustomStringConvertible {
    /// Why a pattern was rejected, worded like Go's `regexp/syntax` errors.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// For example "missing closing ): `(a`".
        public var message: String
        /// Whether the pattern is valid RE2 that this implementation cannot match faithfully.
        public var isUnsupported: Bool
    }

    private enum Matcher: Sendable {
        case literal(String)
        case alternatives(Set<[UInt8]>)
        case prefix(String)
        case suffix(String)
        case anything
        case nonEmpty
        case engine(CompiledRegex)
    }

    /// The pattern as written.
    public let pattern: String
    private let matcher: Matcher

    /// Validates and compiles `pattern`.
    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var translator = RE2Translator(pattern)
        let translated = try translator.translate()
        if let fast = Self.fastPath(pattern) {
            matcher = fast
            return
        }
        guard let regex = CompiledRegex(translated.pattern, matchesEmpty: translated.matchesEmpty) else {
            throw SyntaxError(
                message: "pattern cannot be expressed in Swift's regex engine: `\(pattern)`", isUnsupported: true)
        }
        matcher = .engine(regex)
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        switch matcher {
        case .literal(let literal): text.utf8.elementsEqual(literal.utf8)
        case .alternatives(let set): set.contains(Array(text.utf8))
        case .prefix(let prefix): text.utf8.starts(with: prefix.utf8)
        case .suffix(let suffix): text.utf8.reversed().starts(with: suffix.utf8.reversed())
        case .anything: true
        case .nonEmpty: !text.isEmpty
        case .engine(let regex): regex.wholeMatch(text)
        }
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Patterns are equal when written the same.
    public static func == (lhs: RE2Regex, rhs: RE2Regex) -> Bool { lhs.pattern == rhs.pattern }

    /// The fast matcher (comparing Unicode scalars, as RE2 does, not Swift characters) for a pattern made only of plain characters, `|`, and a leading or trailing `.*`.
    private static func fastPath(_ pattern: String) -> Matcher? {
        if pattern == ".*" { return .anything }
        if pattern == ".+" { return .nonEmpty }
        let special = Set("\\.+*?()|[]{}^$")
        let isPlain = { (text: Substring) in !text.contains(where: special.contains) }
        if isPlain(pattern[...]) { return .literal(pattern) }
        if pattern.hasSuffix(".*"), isPlain(pattern.dropLast(2)) { return .prefix(String(pattern.dropLast(2))) }
        if pattern.hasPrefix(".*"), isPlain(pattern.dropFirst(2)) { return .suffix(String(pattern.dropFirst(2))) }
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
        if parts.count > 1, parts.allSatisfy(isPlain) { return .alternatives(Set(parts.map { Array($0.utf8) })) }
        return nil
    }
}
