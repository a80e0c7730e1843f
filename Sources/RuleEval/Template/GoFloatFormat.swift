import Glibc

/// Go's `strconv.FormatFloat` for the formats templates use, with the sign spelled as `strconv` spells it.
///
/// Shortest formatting (`precision == nil`) follows `strconv`'s `%e`/`%f`/`%g` rules over ``ShortestDecimal``;
/// fixed precision goes through C's `snprintf`, which rounds the exact binary value half-to-even exactly as Go
/// does (`%.2f` of 0.125 is `0.12`, of 2.675 is `2.67`).
enum GoFloatFormat {
    /// Formats `value` with `verb` (`e`, `E`, `f`, `g`, `G`); infinities are `+Inf`/`-Inf`, NaN is `NaN`.
    static func format(_ value: Double, verb: UInt8, precision: Int?) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        guard let precision else { return shortest(value, verb: verb) }
        return fixed(value, verb: verb, precision: precision)
    }

    private static func fixed(_ value: Double, verb: UInt8, precision: Int) -> String {
        let cFormat = "%.\(precision)\(Character(Unicode.Scalar(verb)))"
        let length = withVaList([value]) { vsnprintf(nil, 0, cFormat, $0) }
        guard length > 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([value]) { vsnprintf(pointer.baseAddress, pointer.count, cFormat, $0) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func shortest(_ value: Double, verb: UInt8) -> String {
        let decimal = ShortestDecimal(value)
        var out = value.sign == .minus ? "-" : ""
        switch verb {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            appendExponential(decimal, precision: max(decimal.digits.count - 1, 0), verb: verb, to: &out)
        case UInt8(ascii: "f"):
            appendFixed(decimal, precision: max(decimal.digits.count - decimal.decimalPoint, 0), to: &out)
        default:
            // strconv: with the shortest digits, %e is used when the exponent is < -4 or >= 6 (ftoa.go).
            let exponent = decimal.digits.isEmpty ? -1 : decimal.decimalPoint - 1
            if exponent < -4 || exponent >= 6 {
                let exponentVerb = verb == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
                appendExponential(
                    decimal, precision: max(decimal.digits.count - 1, 0), verb: exponentVerb, to: &out)
            } else {
                appendFixed(decimal, precision: max(decimal.digits.count - decimal.decimalPoint, 0), to: &out)
            }
        }
        return out
    }

    private static func digit(_ decimal: ShortestDecimal, _ index: Int) -> Character {
        index >= 0 && index < decimal.digits.count ? Character(Unicode.Scalar(decimal.digits[index])) : "0"
    }

    private static func appendExponential(_ decimal: ShortestDecimal, precision: Int, verb: UInt8, to out: inout String)
    {
        out.append(digit(decimal, 0))
        if precision > 0 {
            out.append(".")
            for index in 1...precision { out.append(digit(decimal, index)) }
        }
        out.append(Character(Unicode.Scalar(verb)))
        let exponent = decimal.digits.isEmpty ? 0 : decimal.decimalPoint - 1
        out.append(exponent < 0 ? "-" : "+")
        let magnitude = exponent.magnitude
        if magnitude < 10 { out.append("0") }
        out.append(String(magnitude))
    }

    private static func appendFixed(_ decimal: ShortestDecimal, precision: Int, to out: inout String) {
        if decimal.decimalPoint > 0 {
            for index in 0..<decimal.decimalPoint { out.append(digit(decimal, index)) }
        } else {
            out.append("0")
        }
        if precision > 0 {
            out.append(".")
            for index in 0..<precision { out.append(digit(decimal, decimal.decimalPoint + index)) }
        }
    }
}
