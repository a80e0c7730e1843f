/// Checks RE2 syntax (Go `regexp/syntax`, flags `Perl|DotNL`) and rewrites the pattern for Swift's `Regex`.
///
/// Non-alphanumeric literals are emitted as `\x{...}` escapes and every class as explicit scalar ranges, so
/// Swift's Unicode-aware `\d`, `\w`, `\s`, POSIX classes and `.` never apply. `^`/`$` become `\A`/`\z` (RE2
/// without `(?m)`), and `.` becomes an explicit class that honours `(?s)`/`(?-s)` (on by default, as in
/// Prometheus). `(?i)` is applied here, with RE2's simple case folding, instead of Swift's case-insensitive mode.
/// `\b`/`\B` rely on the compiled regex using ASCII word characters and simple word boundaries.
struct RE2Translator {
    private let scalars: [Unicode.Scalar]
    private let pattern: String
    /// Whether capture groups stay capturing (`(`, `(?<name>`) so a match can report them; otherwise every group
    /// is emitted as `(?:`.
    private let keepsCaptureGroups: Bool
    private var position = 0
    private var output = ""
    private var depth = 0
    /// The flags that change how this translator emits atoms; RE2's `(?U)` is accepted and ignored because
    /// greediness does not change whether a whole-string match exists.
    private struct Flags {
        /// `(?i)`: literals and classes match their simple case-folding orbits.
        var caseInsensitive = false
        /// `(?s)`: `.` matches `\n` too (Prometheus's default).
        var dotMatchesNewline = true
    }

    /// The flags of each open group; the last entry is the current scope.
    private var flags = [Flags()]

    /// RE2 allows 1000 levels; this recursive translator stops earlier so that it never exhausts a thread's
    /// stack (it reports the same error RE2 gives beyond its limit).
    private static let maximumDepth = 200
    private static let maximumRepeat = 1000

    init(_ pattern: String, keepsCaptureGroups: Bool = false) {
        self.pattern = pattern
        self.keepsCaptureGroups = keepsCaptureGroups
        scalars = Array(pattern.unicodeScalars)
    }

    /// What the translator knows about a parsed piece of the pattern.
    private struct Fragment {
        /// The largest product of nested `{n,m}` counts, which RE2 caps at 1000 (`(a{100}){100}` is an invalid
        /// repeat count).
        var weight = 1
        /// Whether the piece matches the empty string, worked out without running a (backtracking) engine.
        var matchesEmpty: Bool
    }

    /// The Swift regex pattern equivalent to the RE2 pattern, and whether the pattern matches the empty string.
    mutating func translate() throws(RE2Regex.SyntaxError) -> (pattern: String, matchesEmpty: Bool) {
        let whole = try parseAlternation()
        if position < scalars.count {
            throw failure("unexpected )", pattern)
        }
        return (output, whole.matchesEmpty)
    }

    private func failure(_ problem: String, _ fragment: String) -> RE2Regex.SyntaxError {
        RE2Regex.SyntaxError(message: "\(problem): `\(fragment)`", isUnsupported: false)
    }

    private func unsupported(_ fragment: String) -> RE2Regex.SyntaxError {
        RE2Regex.SyntaxError(
            message: "RE2 construct not supported by this implementation: `\(fragment)`", isUnsupported: true)
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func text(from start: Int, to end: Int) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<min(end, scalars.count)])
        return result
    }

    private mutating func parseAlternation() throws(RE2Regex.SyntaxError) -> Fragment {
        var result = try parseConcatenation()
        while current == "|" {
            position += 1
            output += "|"
            let branch = try parseConcatenation()
            result = Fragment(
                weight: max(result.weight, branch.weight), matchesEmpty: result.matchesEmpty || branch.matchesEmpty)
        }
        return result
    }

    private mutating func parseConcatenation() throws(RE2Regex.SyntaxError) -> Fragment {
        var result = Fragment(matchesEmpty: true)
        while let scalar = current, scalar != "|", scalar != ")" {
            switch scalar {
            case "*", "+", "?":
                throw failure("missing argument to repetition operator", String(scalar))
            case "{":
                if let (_, _, end) = repeatBounds(at: position) {
                    throw failure("missing argument to repetition operator", text(from: position, to: end))
                }
            default:
                break
            }
            let piece = try parseRepetition(of: try parseAtom())
            result = Fragment(
                weight: max(result.weight, piece.weight), matchesEmpty: result.matchesEmpty && piece.matchesEmpty)
        }
        return result
    }

    /// One atom; nil for zero-width flag settings like `(?i)`, which cannot be repeated.
    private mutating func parseAtom() throws(RE2Regex.SyntaxError) -> Fragment? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            try parseClass(start: position - 1)
        case ".":
            output += flags.last?.dotMatchesNewline == false ? "[^\\x{A}]" : "[\\x{0}-\\x{10FFFF}]"
        case "^":
            output += "\\A"
            return Fragment(matchesEmpty: true)
        case "$":
            output += "\\z"
            return Fragment(matchesEmpty: true)
        case "\\":
            return Fragment(matchesEmpty: try parseEscape(start: position - 1))
        default:
            output += literal(scalar)
        }
        return Fragment(matchesEmpty: false)
    }

    private mutating func parseGroup() throws(RE2Regex.SyntaxError) -> Fragment? {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw failure("expression nests too deeply", pattern) }
        var groupFlags = flags.last ?? Flags()
        var opening = keepsCaptureGroups ? "(" : "(?:"
        if current == "?" {
            let flagStart = position - 1
            position += 1
            if current == "P" || current == "<" {
                if current == "P" { position += 1 }
                guard current == "<" else {
                    throw failure("invalid or unsupported Perl syntax", text(from: flagStart, to: position + 1))
                }
                position += 1
                let nameStart = position
                while let scalar = current, scalar != ">" { position += 1 }
                guard current == ">" else {
                    throw failure("invalid named capture", text(from: flagStart, to: position))
                }
                let name = text(from: nameStart, to: position)
                guard !name.isEmpty,
                    name.unicodeScalars.allSatisfy({
                        $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
                    })
                else { throw failure("invalid named capture", text(from: flagStart, to: position + 1)) }
                position += 1
                if keepsCaptureGroups { opening = "(?<\(name)>" }
            } else {
                var negate = false
                var sawFlag = false
                flags: while true {
                    guard let flag = current else {
                        throw failure("missing closing )", pattern)
                    }
                    position += 1
                    switch flag {
                    case "i": groupFlags.caseInsensitive = !negate; sawFlag = true
                    case "s": groupFlags.dotMatchesNewline = !negate; sawFlag = true
                    case "U": sawFlag = true
                    case "m": throw unsupported(text(from: flagStart, to: position))
                    case "-" where !negate: negate = true; sawFlag = false
                    case ":", ")":
                        guard !negate || sawFlag else {
                            throw failure("invalid or unsupported Perl syntax", text(from: flagStart, to: position))
                        }
                        if flag == ")" {
                            flags[flags.count - 1] = groupFlags
                            return nil
                        }
                        opening = "(?:"
                        break flags
                    default:
                        throw failure("invalid or unsupported Perl syntax", text(from: flagStart, to: position))
                    }
                }
            }
        }
        output += opening
        flags.append(groupFlags)
        let inner = try parseAlternation()
        flags.removeLast()
        guard current == ")" else { throw failure("missing closing )", pattern) }
        position += 1
        output += ")"
        return inner
    }

    /// `{n}`, `{n,}` or `{n,m}` at `offset`, as bounds and the offset after `}`.
    private func repeatBounds(at offset: Int) -> (Int, Int?, Int)? {
        guard offset < scalars.count, scalars[offset] == "{" else { return nil }
        var index = offset + 1
        func number() -> Int? {
            let start = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > start, index - start <= 8 else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[start..<index])))
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if index < scalars.count, scalars[index] == "," {
            index += 1
            maximum = index < scalars.count && scalars[index] == "}" ? nil : number()
            if maximum == nil && !(index < scalars.count && scalars[index] == "}") { return nil }
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return (minimum, maximum, index + 1)
    }

    /// The quantifiers after an atom (nil: a flag setting, which cannot be repeated).
    private mutating func parseRepetition(of atom: Fragment?) throws(RE2Regex.SyntaxError) -> Fragment {
        var firstOperatorStart: Int?
        var result = atom ?? Fragment(matchesEmpty: true)
        while let scalar = current {
            let operatorStart = position
            switch scalar {
            case "*", "+", "?":
                position += 1
                output.unicodeScalars.append(scalar)
                if scalar != "+" { result.matchesEmpty = true }
            case "{":
                guard let (minimum, maximum, end) = repeatBounds(at: position) else { return result }
                let fragment = text(from: position, to: end)
                let count = maximum ?? minimum
                if count > Self.maximumRepeat || (maximum.map { $0 < minimum } ?? false)
                    || count * result.weight > Self.maximumRepeat
                {
                    throw failure("invalid repeat count", fragment)
                }
                position = end
                output += "{\(minimum),\(maximum.map(String.init) ?? "")}"
                if count > 0 { result.weight *= count }
                if minimum == 0 { result.matchesEmpty = true }
            default:
                return result
            }
            if let firstOperatorStart {
                throw failure("invalid nested repetition operator", text(from: firstOperatorStart, to: position))
            }
            if atom == nil {
                throw failure("missing argument to repetition operator", text(from: operatorStart, to: position))
            }
            if current == "?" {
                position += 1
                output += "?"
            }
            firstOperatorStart = operatorStart
        }
        return result
    }

    private var caseInsensitive: Bool { flags.last?.caseInsensitive ?? false }

    /// `[...]`: collects the members as scalar ranges (folded under `(?i)`) and emits them as one class.
    private mutating func parseClass(start: Int) throws(RE2Regex.SyntaxError) {
        let negated = current == "^"
        if negated { position += 1 }
        var members = ScalarRanges()
        var properties = ""
        var first = true
        while true {
            guard let scalar = current else { throw failure("missing closing ]", text(from: start, to: position)) }
            if scalar == "]" && !first { break }
            first = false
            let itemStart = position
            if scalar == "[", position + 1 < scalars.count, scalars[position + 1] == ":",
                let posix = try parsePosixClass()
            {
                members.formUnion(posix)
                continue
            }
            switch try parseClassItem() {
            case .ranges(let ranges):
                members.formUnion(ranges)
            case .property(let property):
                properties += property
            case .scalar(let low):
                guard current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" else {
                    members.insert(low.value...low.value)
                    continue
                }
                position += 1
                guard case .scalar(let high) = try parseClassItem(), low.value <= high.value else {
                    throw failure("invalid character class range", text(from: itemStart, to: position))
                }
                members.insert(low.value...high.value)
            }
        }
        position += 1
        if caseInsensitive {
            guard properties.isEmpty else { throw unsupported(text(from: start, to: position)) }
            members = members.caseFolded()
        }
        output += (negated ? "[^" : "[") + members.classContents + properties + "]"
    }

    /// What one item of a class stands for.
    private enum ClassItem {
        case scalar(Unicode.Scalar)
        case ranges(ScalarRanges)
        /// A Unicode property class (`\p{Greek}`), kept as Swift regex syntax.
        case property(String)
    }

    /// `[:alpha:]` or `[:^alpha:]`, or nil if the text is not a POSIX class.
    private mutating func parsePosixClass() throws(RE2Regex.SyntaxError) -> ScalarRanges? {
        let start = position
        var end = position + 2
        while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
        guard end + 1 < scalars.count else { return nil }
        var name = text(from: start + 2, to: end)
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        let classes: [String: [ClosedRange<UInt32>]] = [
            "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A],
            "ascii": [0...0x7F], "blank": [0x9...0x9, 0x20...0x20], "cntrl": [0...0x1F, 0x7F...0x7F],
            "digit": [0x30...0x39], "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
            "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x9...0xD, 0x20...0x20],
            "upper": [0x41...0x5A], "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
            "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
        ]
        guard let ranges = classes[name] else {
            throw failure("invalid character class range", text(from: start, to: end + 2))
        }
        position = end + 2
        return group(ScalarRanges(ranges), negated: negated)
    }

    /// A Perl or POSIX class, folded under `(?i)` before it is inverted, as RE2 does.
    private func group(_ ranges: ScalarRanges, negated: Bool) -> ScalarRanges {
        let folded = caseInsensitive ? ranges.caseFolded() : ranges
        return negated ? folded.inverted() : folded
    }

    /// One item of a class: a character, a Perl class (`\d`) or a Unicode class (`\pL`).
    private mutating func parseClassItem() throws(RE2Regex.SyntaxError) -> ClassItem {
        guard let scalar = current else { throw failure("missing closing ]", pattern) }
        position += 1
        guard scalar == "\\" else { return .scalar(scalar) }
        let start = position - 1
        guard let escaped = current else { throw failure("trailing backslash at end of expression", "") }
        if let perl = perlClass(escaped) {
            position += 1
            return .ranges(perl)
        }
        if escaped == "p" || escaped == "P" { return .property(try parseUnicodeClass(start: start)) }
        return .scalar(try parseEscapedCharacter(start: start))
    }

    /// `\d \D \w \W \s \S` (ASCII only, as in RE2).
    private func perlClass(_ letter: Unicode.Scalar) -> ScalarRanges? {
        let ranges: [ClosedRange<UInt32>]
        switch letter {
        case "d", "D": ranges = [0x30...0x39]
        case "w", "W": ranges = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        case "s", "S": ranges = [0x9...0xA, 0xC...0xD, 0x20...0x20]
        default: return nil
        }
        return group(ScalarRanges(ranges), negated: letter.properties.isUppercase)
    }

    /// An escape outside a class; returns whether it matches the empty string.
    private mutating func parseEscape(start: Int) throws(RE2Regex.SyntaxError) -> Bool {
        guard let escaped = current else { throw failure("trailing backslash at end of expression", "") }
        if let perl = perlClass(escaped) {
            position += 1
            output += "[" + perl.classContents + "]"
            return false
        }
        switch escaped {
        case "A", "z":
            position += 1
            output += escaped == "A" ? "\\A" : "\\z"
            return true
        case "b", "B":
            position += 1
            output += escaped == "b" ? "\\b" : "\\B"
            return escaped == "B"
        case "C":
            throw unsupported(text(from: start, to: position + 1))
        case "p", "P":
            let property = try parseUnicodeClass(start: start)
            if caseInsensitive { throw unsupported(text(from: start, to: position)) }
            output += "[" + property + "]"
            return false
        case "Q":
            position += 1
            let literalStart = position
            while position < scalars.count {
                if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "E" {
                    position += 2
                    return position - 2 == literalStart
                }
                output += literal(scalars[position])
                position += 1
            }
            return position == literalStart
        default:
            output += literal(try parseEscapedCharacter(start: start))
            return false
        }
    }
    /// `\pL`, `\p{Greek}`, `\p{^Greek}`, `\PL`: emitted as Swift's `\p{...}`/`\P{...}` for use inside a class.
    private mutating func parseUnicodeClass(start: Int) throws(RE2Regex.SyntaxError) -> String {
        var negated = current == "P"
        position += 1
        var name: String
        if current == "{" {
            let nameStart = position + 1
            while let scalar = current, scalar != "}" { position += 1 }
            guard current == "}" else {
                throw failure("invalid character class range", text(from: start, to: position))
            }
            name = text(from: nameStart, to: position)
            position += 1
        } else if let letter = current {
            name = String(letter)
            position += 1
        } else {
            throw failure("invalid character class range", text(from: start, to: position))
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        let categories: Set<String> = [
            "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps",
            "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs",
        ]
        let fragment = text(from: start, to: position)
        if name == "Any" { return negated ? "" : "\\x{0}-\\x{10FFFF}" }
        guard categories.contains(name) || (name.first?.isUppercase == true && name.allSatisfy(\.isLetter)) else {
            throw failure("invalid character class range", fragment)
        }
        guard (try? Regex("\\p{\(name)}")) != nil else { throw failure("invalid character class range", fragment) }
        return negated ? "\\P{\(name)}" : "\\p{\(name)}"
    }

    /// An escape that stands for one character: `\n`, `\x41`, `\x{10FFFF}`, octal, or escaped punctuation.
    private mutating func parseEscapedCharacter(start: Int) throws(RE2Regex.SyntaxError) -> Unicode.Scalar {
        guard let escaped = current else { throw failure("trailing backslash at end of expression", "") }
        position += 1
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "a": "\u{07}", "f": "\u{0C}", "t": "\t", "n": "\n", "r": "\r", "v": "\u{0B}",
        ]
        if let character = simple[escaped] { return character }
        if escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) { return escaped }
        if ("0"..."7").contains(escaped) {
            if escaped != "0", !(current.map { ("0"..."7").contains($0) } ?? false) {
                throw failure("invalid escape sequence", text(from: start, to: position))
            }
            var value = escaped.value - 48
            for _ in 0..<2 {
                guard let digit = current, ("0"..."7").contains(digit) else { break }
                value = value * 8 + digit.value - 48
                position += 1
            }
            return Unicode.Scalar(value) ?? "\u{0}"
        }
        if escaped == "x" {
            var digits = ""
            if current == "{" {
                position += 1
                while let scalar = current, scalar != "}" {
                    digits.unicodeScalars.append(scalar)
                    position += 1
                }
                guard current == "}" else { throw failure("invalid escape sequence", text(from: start, to: position)) }
                position += 1
            } else {
                for _ in 0..<2 {
                    guard let scalar = current else { break }
                    digits.unicodeScalars.append(scalar)
                    position += 1
                }
            }
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw failure("invalid escape sequence", text(from: start, to: position)) }
            return scalar
        }
        throw failure("invalid escape sequence", text(from: start, to: position))
    }

    /// A character as Swift regex syntax: under `(?i)` a class of its case-folding orbit; otherwise ASCII
    /// letters and digits as themselves and everything else escaped.
    private func literal(_ scalar: Unicode.Scalar) -> String {
        if caseInsensitive {
            let orbit = SimpleCaseFolding.orbit(of: scalar.value)
            if orbit.count > 1 { return "[" + ScalarRanges(orbit.map { $0...$0 }).classContents + "]" }
        }
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            return String(scalar)
        }
        return "\\x{\(String(scalar.value, radix: 16))}"
    }
}
