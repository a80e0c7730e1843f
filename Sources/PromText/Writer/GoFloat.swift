/// Formats `Double` values byte for byte as the Go code of the Prometheus ecosystem does.
///
/// - ``appendShortest(_:to:)``: Go `strconv.FormatFloat(v, 'g', -1, 64)`: the shortest round-trip digits, in
///   exponent form (`1e+06`, `1.234567e+06`, `1e-05`) when the decimal exponent is below -4 or at least 6,
///   otherwise plain (`123456`, `0.0001`); `+Inf`, `-Inf`, `NaN`, `-0`.
/// - ``appendExposition(_:to:)``: client_golang's text 0.0.4 `writeFloat`: the same, except that negative zero
///   is written `0` (Go's `f == 0` fast path is also true for `-0`).
/// - ``appendOpenMetrics(_:to:)``: client_golang's `writeOpenMetricsFloat`: like the text form, but a result
///   with neither `.` nor `e` gets `.0` appended (`1.0`, `0.0`, `-3.0`, `123456.0`; `1e+06` stays).
/// - ``appendJSON(_:to:)``: Prometheus HTTP API `jsonutil.MarshalFloat` (without its quotes): plain digits when
///   `1e-6 <= |v| < 1e21` or `v == 0` (`12345678901234567000`, `0.000001`), otherwise exponent form
///   (`1.2345678901234568e+29`, `5e-324`).
///
/// Every function is exact for every `Double`, including subnormals and the extremes.
public enum GoFloat {
    /// Go `strconv.FormatFloat(value, 'g', -1, 64)`, appended as UTF-8.
    public static func appendShortest(_ value: Double, to buffer: inout [UInt8]) {
        guard appendNonFinite(value, to: &buffer) else { return }
        let magnitude = value.magnitude
        if magnitude < 1e6, case let integral = UInt64(magnitude), Double(integral) == magnitude {
            if value.sign == .minus { buffer.append(UInt8(ascii: "-")) }
            appendInteger(integral, to: &buffer)
            return
        }
        let decimal = ShortestDecimal(value)
        if decimal.exponent < -4 || decimal.exponent >= 6 {
            appendExponentLayout(decimal, to: &buffer)
        } else {
            appendPlainLayout(decimal, to: &buffer)
        }
    }

    /// Go `strconv.FormatFloat(value, 'g', -1, 64)`.
    public static func shortest(_ value: Double) -> String {
        string(value, appendShortest)
    }

    /// client_golang text 0.0.4 `writeFloat`: ``appendShortest(_:to:)`` except that `-0` is written `0`.
    public static func appendExposition(_ value: Double, to buffer: inout [UInt8]) {
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
        } else {
            appendShortest(value, to: &buffer)
        }
    }

    /// client_golang text 0.0.4 `writeFloat` as a `String`.
    public static func exposition(_ value: Double) -> String {
        string(value, appendExposition)
    }

    /// client_golang `writeOpenMetricsFloat`: the text form with `.0` added when it has neither `.` nor `e`.
    public static func appendOpenMetrics(_ value: Double, to buffer: inout [UInt8]) {
        let start = buffer.count
        appendExposition(value, to: &buffer)
        guard value.isFinite else { return }
        for index in start..<buffer.count where buffer[index] == UInt8(ascii: ".") || buffer[index] == UInt8(ascii: "e")
        {
            return
        }
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(ascii: "0"))
    }

    /// client_golang `writeOpenMetricsFloat` as a `String`.
    public static func openMetrics(_ value: Double) -> String {
        string(value, appendOpenMetrics)
    }

    /// Prometheus `jsonutil.MarshalFloat` without the surrounding quotes: Go `'f'` shortest when
    /// `1e-6 <= |v| < 1e21` (or `v` is zero), Go `'e'` shortest otherwise.
    public static func appendJSON(_ value: Double, to buffer: inout [UInt8]) {
        guard appendNonFinite(value, to: &buffer) else { return }
        let decimal = ShortestDecimal(value)
        let magnitude = value.magnitude
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            appendExponentLayout(decimal, to: &buffer)
        } else {
            appendPlainLayout(decimal, to: &buffer)
        }
    }

    /// Prometheus `jsonutil.MarshalFloat` without the surrounding quotes, as a `String`.
    public static func json(_ value: Double) -> String {
        string(value, appendJSON)
    }

    /// Go `strconv.FormatFloat(value, verb, -1, 64)` for `verb` `e`, `E`, `f`, `g` or `G`: the shortest digits in
    /// that verb's layout (`%g` switches to exponent form below 1e-4 and from 1e6), with `+Inf`, `-Inf` and `NaN`
    /// for non-finite values as Prometheus prints them.
    public static func shortest(_ value: Double, verb: UInt8) -> String {
        string(value) { value, buffer in
            guard appendNonFinite(value, to: &buffer) else { return }
            let decimal = ShortestDecimal(value)
            let exponentLetter =
                verb == UInt8(ascii: "E") || verb == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e")
            switch verb {
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                appendExponentLayout(decimal, letter: exponentLetter, to: &buffer)
            case UInt8(ascii: "f"):
                appendPlainLayout(decimal, to: &buffer)
            default:
                if decimal.exponent < -4 || decimal.exponent >= 6 {
                    appendExponentLayout(decimal, letter: exponentLetter, to: &buffer)
                } else {
                    appendPlainLayout(decimal, to: &buffer)
                }
            }
        }
    }

    /// Appends an unsigned integer in decimal (Go `strconv.AppendUint`).
    public static func appendInteger(_ value: UInt64, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        ShortestDecimal.appendDigits(of: value, count: ShortestDecimal.countDigits(value), to: &buffer)
    }

    /// Appends a signed integer in decimal (Go `strconv.AppendInt`).
    public static func appendInteger(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendInteger(value.magnitude, to: &buffer)
    }

    /// Writes `+Inf`, `-Inf` or `NaN` and returns `false`, or returns `true` for a finite value.
    private static func appendNonFinite(_ value: Double, to buffer: inout [UInt8]) -> Bool {
        if value.isNaN {
            buffer.append(contentsOf: "NaN".utf8)
        } else if value == .infinity {
            buffer.append(contentsOf: "+Inf".utf8)
        } else if value == -.infinity {
            buffer.append(contentsOf: "-Inf".utf8)
        } else {
            return true
        }
        return false
    }

    /// Go `%e` with all shortest digits: `d[.ddd]e±XX`, at least two exponent digits.
    private static func appendExponentLayout(
        _ decimal: ShortestDecimal, letter: UInt8 = UInt8(ascii: "e"), to buffer: inout [UInt8]
    ) {
        if decimal.isNegative { buffer.append(UInt8(ascii: "-")) }
        if decimal.digitCount == 1 {
            decimal.appendDigits(to: &buffer)
        } else {
            decimal.appendDigits(splitAfter: 1, to: &buffer)
        }
        buffer.append(letter)
        let exponent = decimal.exponent
        buffer.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        if exponent.magnitude < 10 { buffer.append(UInt8(ascii: "0")) }
        appendInteger(UInt64(exponent.magnitude), to: &buffer)
    }

    /// Go `%f` with all shortest digits: `0.000ddd`, `dd.dd` or `ddd000`.
    private static func appendPlainLayout(_ decimal: ShortestDecimal, to buffer: inout [UInt8]) {
        if decimal.isNegative { buffer.append(UInt8(ascii: "-")) }
        let point = decimal.decimalPoint
        if point <= 0 {
            buffer.append(UInt8(ascii: "0"))
            buffer.append(UInt8(ascii: "."))
            for _ in 0 ..< -point { buffer.append(UInt8(ascii: "0")) }
            decimal.appendDigits(to: &buffer)
        } else if point >= decimal.digitCount {
            decimal.appendDigits(to: &buffer)
            for _ in 0..<(point - decimal.digitCount) { buffer.append(UInt8(ascii: "0")) }
        } else {
            decimal.appendDigits(splitAfter: point, to: &buffer)
        }
    }

    private static func string(_ value: Double, _ append: (Double, inout [UInt8]) -> Void) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        append(value, &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
