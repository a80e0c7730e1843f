import Glibc
import PromText

/// Go's `strconv.FormatFloat` for the formats templates use, with the sign spelled as `strconv` spells it.
///
/// Shortest formatting (`precision == nil`) is PromText's `GoFloat.shortest(_:verb:)` (`strconv`'s rules);
/// fixed precision goes through C's `snprintf`, which rounds the exact binary value half-to-even exactly as Go
/// does (`%.2f` of 0.125 is `0.12`, of 2.675 is `2.67`).
enum GoFloatFormat {
    /// Formats `value` with `verb` (`e`, `E`, `f`, `g`, `G`); infinities are `+Inf`/`-Inf`, NaN is `NaN`.
    static func format(_ value: Double, verb: UInt8, precision: Int?) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        guard let precision else { return GoFloat.shortest(value, verb: verb) }
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
}
