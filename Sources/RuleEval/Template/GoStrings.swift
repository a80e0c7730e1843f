import PromText

/// Go string helpers templates rely on: case mapping, title casing and `strconv.ParseFloat`.
enum GoStrings {
    /// `strings.ToUpper`: each rune mapped by its simple upper-case mapping.
    static func uppercased(_ text: String) -> String {
        mapScalars(text) { $0.properties.uppercaseMapping }
    }

    /// `strings.ToLower`: each rune mapped by its simple lower-case mapping.
    static func lowercased(_ text: String) -> String {
        mapScalars(text) { $0.properties.lowercaseMapping }
    }

    /// `cases.Title(language.AmericanEnglish, cases.NoLower).String`: the first letter of each word is
    /// title-cased, the rest is left alone.
    static func title(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        var beforePrevious: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let continuesWord: Bool
            if let previous {
                if isWordCharacter(previous) {
                    continuesWord = true
                } else if "'.:’".unicodeScalars.contains(previous), let beforePrevious {
                    continuesWord = isLetter(beforePrevious) && isLetter(scalar)
                } else {
                    continuesWord = false
                }
            } else {
                continuesWord = false
            }
            if !continuesWord && isLetter(scalar) {
                out.append(single(scalar.properties.titlecaseMapping) ?? String(Character(scalar)))
            } else {
                out.unicodeScalars.append(scalar)
            }
            beforePrevious = previous
            previous = scalar
        }
        return out
    }

    /// `strconv.ParseFloat(text, 64)` with Go's error text.
    static func parseFloat(_ text: String) throws(TemplateFunctionError) -> Double {
        let lower = text.lowercased()
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        let special = ["inf", "infinity", "nan"].contains(unsigned)
        let body =
            text.contains("_") && (unsigned.hasPrefix("0x") || unsigned.hasPrefix("0b"))
            ? text.filter { $0 != "_" } : text
        guard !text.isEmpty, !text.contains(" "), let value = Double(body) else {
            throw TemplateFunctionError("strconv.ParseFloat: parsing \(GoString.quoted(text)): invalid syntax")
        }
        if value.isInfinite && !special {
            throw TemplateFunctionError("strconv.ParseFloat: parsing \(GoString.quoted(text)): value out of range")
        }
        return value
    }

    private static func mapScalars(_ text: String, _ mapping: (Unicode.Scalar) -> String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let mapped = single(mapping(scalar)) { out.append(mapped) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The mapping when it is a single rune (Go's simple case mapping); `nil` for multi-rune mappings.
    private static func single(_ mapping: String) -> String? {
        mapping.unicodeScalars.count == 1 ? mapping : nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" || isLetter(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
