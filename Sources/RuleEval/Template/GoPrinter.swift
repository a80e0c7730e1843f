import PromText

/// The subset of Go's `fmt` package that templates reach: `Sprint`, `Sprintln`, `Sprintf` over ``TemplateValue``.
///
/// Verbs, flags (`+ - # 0` and space), width, precision, `*`, argument indexes `[n]` and the error forms
/// (`%!d(string=x)`, `%!v(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`, `%!(BADPREC)`,
/// `%!v(BADINDEX)`) follow Go's `fmt/print.go` and `fmt/format.go`.
struct GoPrinter {
    private struct Flags {
        var plus = false
        var minus = false
        var sharp = false
        var space = false
        var zero = false
        var plusV = false
        var sharpV = false
        var width: Int?
        var precision: Int?
    }

    private(set) var output = ""
    private var flags = Flags()

    /// `fmt.Sprint`: operands printed with `%v`, a space between two operands when neither is a string.
    static func sprint(_ arguments: [TemplateValue]) -> String {
        var printer = GoPrinter()
        var previousIsString = false
        for (index, argument) in arguments.enumerated() {
            let isString = argument.stringKindValue != nil
            if index > 0 && !isString && !previousIsString { printer.output.append(" ") }
            printer.printArgument(argument, verb: "v")
            previousIsString = isString
        }
        return printer.output
    }

    /// `fmt.Sprintln`: operands printed with `%v`, always separated by spaces, then a newline.
    static func sprintln(_ arguments: [TemplateValue]) -> String {
        var printer = GoPrinter()
        for (index, argument) in arguments.enumerated() {
            if index > 0 { printer.output.append(" ") }
            printer.printArgument(argument, verb: "v")
        }
        printer.output.append("\n")
        return printer.output
    }

    /// `fmt.Sprintf`.
    static func sprintf(_ format: String, _ arguments: [TemplateValue]) -> String {
        var printer = GoPrinter()
        printer.printFormatted(Array(format.unicodeScalars), arguments)
        return printer.output
    }

    // MARK: - Sprintf driver (fmt/print.go doPrintf)

    private mutating func printFormatted(_ format: [Unicode.Scalar], _ arguments: [TemplateValue]) {
        var argumentIndex = 0
        var afterIndex = false
        var reordered = false
        var i = 0
        let end = format.count
        while i < end {
            var goodArgumentIndex = true
            let literalStart = i
            while i < end && format[i] != "%" { i += 1 }
            if i > literalStart { output.unicodeScalars.append(contentsOf: format[literalStart..<i]) }
            if i >= end { break }
            i += 1
            flags = Flags()
            flagLoop: while i < end {
                switch format[i] {
                case "#": flags.sharp = true
                case "0": flags.zero = !flags.minus
                case "+": flags.plus = true
                case "-":
                    flags.minus = true
                    flags.zero = false
                case " ": flags.space = true
                default: break flagLoop
                }
                i += 1
            }
            (argumentIndex, i, afterIndex) = parseArgumentIndex(
                argumentIndex, format, i, arguments.count, &reordered, &goodArgumentIndex)
            if i < end && format[i] == "*" {
                i += 1
                let (width, next) = Self.intArgument(arguments, argumentIndex)
                argumentIndex = next
                if let width {
                    flags.width = Int(width.magnitude)
                    if width < 0 {
                        flags.minus = true
                        flags.zero = false
                    }
                } else {
                    output.append("%!(BADWIDTH)")
                }
                afterIndex = false
            } else {
                let (number, next) = Self.parseNumber(format, i, end)
                flags.width = number
                i = next
                if afterIndex && number != nil { goodArgumentIndex = false }
            }
            if i + 1 <= end && i < end && format[i] == "." {
                i += 1
                if afterIndex { goodArgumentIndex = false }
                (argumentIndex, i, afterIndex) = parseArgumentIndex(
                    argumentIndex, format, i, arguments.count, &reordered, &goodArgumentIndex)
                if i < end && format[i] == "*" {
                    i += 1
                    let (precision, next) = Self.intArgument(arguments, argumentIndex)
                    argumentIndex = next
                    // Go: a negative precision argument counts as missing.
                    flags.precision = precision.flatMap { $0 >= 0 ? $0 : nil }
                    if flags.precision == nil { output.append("%!(BADPREC)") }
                    afterIndex = false
                } else {
                    let (number, next) = Self.parseNumber(format, i, end)
                    flags.precision = number ?? 0
                    i = next
                }
            }
            if !afterIndex {
                (argumentIndex, i, afterIndex) = parseArgumentIndex(
                    argumentIndex, format, i, arguments.count, &reordered, &goodArgumentIndex)
            }
            if i >= end {
                output.append("%!(NOVERB)")
                break
            }
            let verb = format[i]
            i += 1
            switch verb {
            case "%":
                output.append("%")
            case _ where !goodArgumentIndex:
                output.append("%!\(Character(verb))(BADINDEX)")
            case _ where argumentIndex >= arguments.count:
                output.append("%!\(Character(verb))(MISSING)")
            default:
                if verb == "v" {
                    if flags.sharp {
                        flags.sharp = false
                        flags.sharpV = true
                    }
                    if flags.plus {
                        flags.plus = false
                        flags.plusV = true
                    }
                }
                printArgument(arguments[argumentIndex], verb: verb)
                argumentIndex += 1
            }
        }
        if !reordered && argumentIndex < arguments.count {
            flags = Flags()
            output.append("%!(EXTRA ")
            for (index, argument) in arguments[argumentIndex...].enumerated() {
                if index > 0 { output.append(", ") }
                printTypedArgument(argument)
            }
            output.append(")")
        }
    }

    private mutating func parseArgumentIndex(
        _ current: Int, _ format: [Unicode.Scalar], _ start: Int, _ count: Int, _ reordered: inout Bool,
        _ good: inout Bool
    ) -> (Int, Int, Bool) {
        guard start < format.count, format[start] == "[" else { return (current, start, false) }
        reordered = true
        let rest = format[start...]
        guard rest.count >= 3 else {
            good = false
            return (current, start + 1, false)
        }
        var i = start + 1
        while i < format.count {
            if format[i] == "]" {
                let (number, next) = Self.parseNumber(format, start + 1, i)
                guard let number, next == i else {
                    good = false
                    return (current, i + 1, false)
                }
                let index = number - 1
                if index >= 0 && index < count { return (index, i + 1, true) }
                good = false
                return (current, i + 1, true)
            }
            i += 1
        }
        good = false
        return (current, start + 1, false)
    }

    private static func parseNumber(_ format: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int?, Int) {
        var i = start
        var number = 0
        var found = false
        while i < end, format[i].value >= 48, format[i].value <= 57 {
            if number > 1_000_000 { return (nil, end) }
            number = number * 10 + Int(format[i].value - 48)
            found = true
            i += 1
        }
        return (found ? number : nil, i)
    }

    /// Go's `intFromArg`: the int argument at `index` (nil when missing, not an int or beyond 10⁶ in magnitude)
    /// and the next argument index.
    private static func intArgument(_ arguments: [TemplateValue], _ index: Int) -> (Int?, Int) {
        guard index < arguments.count else { return (nil, index) }
        if case .int(let value) = arguments[index], value.magnitude <= 1_000_000 { return (value, index + 1) }
        return (nil, index + 1)
    }

    // MARK: - Arguments (fmt/print.go printArg)

    private mutating func printArgument(_ argument: TemplateValue, verb: Unicode.Scalar) {
        if case .missing = argument {
            if verb == "T" || verb == "v" { pad("<nil>") } else { badVerb(verb, argument) }
            return
        }
        if verb == "T" {
            formatString(argument.goTypeName, verb: "s")
            return
        }
        switch argument {
        case .bool(let value):
            if verb == "t" || verb == "v" { pad(value ? "true" : "false") } else { badVerb(verb, argument) }
        case .int(let value):
            formatInteger(value, verb: verb, argument: argument)
        case .float(let value):
            formatFloat(value, verb: verb, argument: argument)
        case .string(let text), .html(let text):
            formatString(text, verb: verb, argument: argument)
        case .time(let milliseconds):
            formatStringer(GoTime.timeString(unixMilliseconds: milliseconds), verb: verb, argument: argument)
        case .duration(let nanoseconds):
            formatStringer(GoTime.durationString(nanoseconds: nanoseconds), verb: verb, argument: argument)
        case .keyValues, .list, .object:
            if let text = argument.alertmanagerStringerText {
                formatStringer(text, verb: verb, argument: argument)
            } else {
                printComposite(argument, verb: verb, depth: 0)
            }
        case .stringMap, .anyMap, .queryResult, .sample, .alertData, .missing:
            printComposite(argument, verb: verb, depth: 0)
        }
    }

    private mutating func formatStringer(_ text: String, verb: Unicode.Scalar, argument: TemplateValue) {
        switch verb {
        case "v", "s", "x", "X", "q": formatString(text, verb: verb, argument: argument)
        default: badVerb(verb, argument)
        }
    }

    /// fmt/print.go printValue for maps, structs, slices and pointers.
    private mutating func printComposite(_ value: TemplateValue, verb: Unicode.Scalar, depth: Int) {
        switch value {
        case .stringMap(let map):
            output.append("map[")
            for (index, key) in map.keys.sorted(by: goStringLess).enumerated() {
                if index > 0 { output.append(" ") }
                formatString(key, verb: verb, argument: .string(key))
                output.append(":")
                formatString(map[key] ?? "", verb: verb, argument: .string(map[key] ?? ""))
            }
            output.append("]")
        case .anyMap(let map):
            output.append("map[")
            for (index, key) in map.keys.sorted(by: goStringLess).enumerated() {
                if index > 0 { output.append(" ") }
                formatString(key, verb: verb, argument: .string(key))
                output.append(":")
                printNested(map[key] ?? .missing, verb: verb, depth: depth + 1)
            }
            output.append("]")
        case .queryResult(let samples):
            output.append("[")
            for index in samples.indices {
                if index > 0 { output.append(" ") }
                printNested(.sample(samples[index]), verb: verb, depth: depth + 1)
            }
            output.append("]")
        case .sample(let sample):
            guard let sample else {
                pad("<nil>")
                return
            }
            if depth > 0 {
                // Go prints nested pointers as addresses; there is no stable address to print.
                output.append("0xc000000000")
                return
            }
            output.append("&{")
            printComposite(.stringMap(sample.labels), verb: verb, depth: depth + 1)
            output.append(" ")
            printNested(.float(sample.value), verb: verb, depth: depth + 1)
            output.append("}")
        case .list(let list):
            output.append("[")
            for (index, element) in list.elements.enumerated() {
                if index > 0 { output.append(" ") }
                printNested(element, verb: verb, depth: depth + 1)
            }
            output.append("]")
        case .object(let object):
            output.append("{")
            for (index, field) in object.fields.enumerated() {
                if index > 0 { output.append(" ") }
                printNested(field.value, verb: verb, depth: depth + 1)
            }
            output.append("}")
        case .alertData(let data):
            output.append("{")
            printComposite(.stringMap(data.labels), verb: verb, depth: depth + 1)
            output.append(" ")
            printComposite(.stringMap(data.externalLabels), verb: verb, depth: depth + 1)
            output.append(" ")
            formatString(data.externalURL, verb: verb, argument: .string(data.externalURL))
            output.append(" ")
            printNested(.float(data.value), verb: verb, depth: depth + 1)
            output.append("}")
        default:
            printArgument(value, verb: verb)
        }
    }

    private mutating func printNested(_ value: TemplateValue, verb: Unicode.Scalar, depth: Int) {
        switch value {
        case .stringMap, .anyMap, .queryResult, .sample, .alertData: printComposite(value, verb: verb, depth: depth)
        case .keyValues, .list, .object:
            if let text = value.alertmanagerStringerText {
                formatStringer(text, verb: verb, argument: value)
            } else {
                printComposite(value, verb: verb, depth: depth)
            }
        case .missing: output.append("<nil>")
        default: printArgument(value, verb: verb)
        }
    }

    private mutating func badVerb(_ verb: Unicode.Scalar, _ argument: TemplateValue) {
        output.append("%!")
        output.unicodeScalars.append(verb)
        output.append("(")
        printTypedArgument(argument)
        output.append(")")
    }

    /// `type=value` (or `<nil>`), as fmt reports bad verbs and extra arguments.
    private mutating func printTypedArgument(_ argument: TemplateValue) {
        if case .missing = argument {
            output.append("<nil>")
        } else {
            output.append(argument.goTypeName)
            output.append("=")
            printArgument(argument, verb: "v")
        }
    }

    // MARK: - Padding (fmt/format.go pad)

    private mutating func pad(_ text: String) {
        guard let width = flags.width, width > 0 else {
            output.append(text)
            return
        }
        let padding = width - text.unicodeScalars.count
        guard padding > 0 else {
            output.append(text)
            return
        }
        if flags.minus {
            output.append(text)
            output.append(String(repeating: " ", count: padding))
        } else {
            output.append(String(repeating: flags.zero ? "0" : " ", count: padding))
            output.append(text)
        }
    }

    // MARK: - Strings

    private mutating func formatString(_ text: String, verb: Unicode.Scalar, argument: TemplateValue? = nil) {
        switch verb {
        case "v":
            if flags.sharpV { pad(GoString.quoted(text)) } else { pad(truncated(text)) }
        case "s":
            pad(truncated(text))
        case "q":
            let body = truncated(text)
            if flags.sharp && GoString.canBackquote(body) {
                pad("`" + body + "`")
            } else {
                pad(flags.plus ? GoString.quotedToASCII(body) : GoString.quoted(body))
            }
        case "x", "X":
            formatHexString(truncatedBytes(text), uppercase: verb == "X")
        default:
            badVerb(verb, argument ?? .string(text))
        }
    }

    private func truncated(_ text: String) -> String {
        guard let precision = flags.precision else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
    }

    private func truncatedBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard let precision = flags.precision else { return bytes }
        return Array(bytes.prefix(precision))
    }

    private mutating func formatHexString(_ bytes: [UInt8], uppercase: Bool) {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if flags.space && index > 0 { text.append(UInt8(ascii: " ")) }
            if flags.sharp && (flags.space || index == 0) {
                text.append(UInt8(ascii: "0"))
                text.append(uppercase ? UInt8(ascii: "X") : UInt8(ascii: "x"))
            }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        pad(String(decoding: text, as: UTF8.self))
    }

    // MARK: - Integers (fmt/format.go fmtInteger)

    private mutating func formatInteger(_ value: Int, verb: Unicode.Scalar, argument: TemplateValue) {
        switch verb {
        case "v", "d": appendInteger(value, base: 10, uppercase: false, verb: verb)
        case "b": appendInteger(value, base: 2, uppercase: false, verb: verb)
        case "o", "O": appendInteger(value, base: 8, uppercase: false, verb: verb)
        case "x": appendInteger(value, base: 16, uppercase: false, verb: verb)
        case "X": appendInteger(value, base: 16, uppercase: true, verb: verb)
        case "c":
            pad(String(Character(Unicode.Scalar(UInt32(truncatingIfNeeded: value)) ?? "\u{FFFD}")))
        case "q":
            let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) ?? "\u{FFFD}"
            pad(GoString.quotedRune(scalar))
        case "U":
            var hex = String(UInt32(truncatingIfNeeded: value), radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            pad("U+" + hex)
        default:
            badVerb(verb, argument)
        }
    }

    private mutating func appendInteger(_ value: Int, base: Int, uppercase: Bool, verb: Unicode.Scalar) {
        let negative = value < 0
        var precision = 0
        if let explicit = flags.precision {
            precision = explicit
            if explicit == 0 && value == 0 {
                output.append(String(repeating: " ", count: flags.width ?? 0))
                return
            }
        } else if flags.zero && !flags.minus, let width = flags.width {
            precision = width
            if negative || flags.plus || flags.space { precision -= 1 }
        }
        var digits = String(value.magnitude, radix: base, uppercase: uppercase)
        if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        if flags.sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (uppercase ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative {
            digits = "-" + digits
        } else if flags.plus {
            digits = "+" + digits
        } else if flags.space {
            digits = " " + digits
        }
        let zero = flags.zero
        flags.zero = false
        pad(digits)
        flags.zero = zero
    }

    // MARK: - Floats (fmt/format.go fmtFloat)

    private mutating func formatFloat(_ value: Double, verb: Unicode.Scalar, argument: TemplateValue) {
        let strconvVerb: UInt8
        var precision: Int?
        switch verb {
        case "v", "g": strconvVerb = UInt8(ascii: "g")
        case "G": strconvVerb = UInt8(ascii: "G")
        case "e", "E", "f":
            strconvVerb = UInt8(verb.value)
            precision = 6
        case "F":
            strconvVerb = UInt8(ascii: "f")
            precision = 6
        default:
            badVerb(verb, argument)
            return
        }
        if let explicit = flags.precision { precision = explicit }
        var number = GoFloatFormat.format(value, verb: strconvVerb, precision: precision)
        if !number.hasPrefix("-") && !number.hasPrefix("+") { number = "+" + number }
        if flags.space && number.hasPrefix("+") && !flags.plus { number = " " + number.dropFirst() }
        if number.dropFirst().hasPrefix("I") || number.dropFirst().hasPrefix("N") {
            let zero = flags.zero
            flags.zero = false
            if number.dropFirst().hasPrefix("N") && !flags.space && !flags.plus { number.removeFirst() }
            pad(number)
            flags.zero = zero
            return
        }
        if flags.plus || !number.hasPrefix("+") {
            if flags.zero, let width = flags.width, width > number.count {
                output.append(number.first ?? "+")
                output.append(String(repeating: "0", count: width - number.count))
                output.append(contentsOf: number.dropFirst())
                return
            }
            pad(number)
            return
        }
        pad(String(number.dropFirst()))
    }
}
