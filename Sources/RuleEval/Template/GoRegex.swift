/// A regular expression with Go's `regexp` API shape: unanchored `MatchString` and `ReplaceAllString` with Go's
/// `$1`/`${name}` expansion.
///
/// Matching uses Swift's `Regex` set to RE2's conventions: matching by Unicode scalar (Go matches runes), ASCII
/// `\d`, `\w`, `\s` and simple word boundaries. Its syntax covers the RE2 syntax rules use in practice; Go-only
/// constructs may be rejected where Go accepts them, and unlike RE2 the engine backtracks.
struct GoRegex {
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `pattern`; `nil` when it is not a valid expression.
    init?(_ pattern: String) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
            .asciiOnlyWhitespace().wordBoundaryKind(.simple)
    }

    /// `regexp.MatchString`: whether any part of `text` matches.
    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// `Regexp.ReplaceAllString`: every non-overlapping match replaced by the expanded `template`; an empty match
    /// right after a previous match is not replaced (regexp.go replaceAll).
    func replaceAll(in text: String, with template: String) -> String {
        var out = ""
        var last = text.startIndex
        for match in text.matches(of: regex) {
            if match.range.isEmpty && match.range.lowerBound == last && last != text.startIndex { continue }
            out += text[last..<match.range.lowerBound]
            out += Self.expand(template, match.output)
            last = match.range.upperBound
        }
        out += text[last...]
        return out
    }

    /// Go's `Regexp.Expand`: `$$` is a dollar, `$name`/`${name}` a group by number or name, unknown groups empty.
    private static func expand(_ template: String, _ output: AnyRegexOutput) -> String {
        var out = ""
        var scalars = template.unicodeScalars[...]
        while let dollar = scalars.firstIndex(of: "$") {
            out.unicodeScalars.append(contentsOf: scalars[..<dollar])
            scalars = scalars[scalars.index(after: dollar)...]
            if scalars.first == "$" {
                out.append("$")
                scalars = scalars.dropFirst()
                continue
            }
            var name: Substring.UnicodeScalarView
            if scalars.first == "{" {
                let body = scalars.dropFirst()
                guard let close = body.firstIndex(of: "}"), close > body.startIndex,
                    body[..<close].allSatisfy(isNameCharacter)
                else {
                    out.append("$")
                    continue
                }
                name = body[..<close]
                scalars = body[body.index(after: close)...]
            } else {
                name = scalars.prefix(while: isNameCharacter)
                guard !name.isEmpty else {
                    out.append("$")
                    continue
                }
                scalars = scalars.dropFirst(name.count)
            }
            out += group(String(name), output)
        }
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
    }

    private static func group(_ name: String, _ output: AnyRegexOutput) -> String {
        if name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            guard let index = Int(name), index < output.count else { return "" }
            return output[index].substring.map(String.init) ?? ""
        }
        guard let element = output[name] else { return "" }
        return element.substring.map(String.init) ?? ""
    }
}
