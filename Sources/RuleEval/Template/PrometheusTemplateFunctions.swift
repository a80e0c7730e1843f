import PromText

/// The functions Prometheus adds to alert templates (`template/template.go` and `prometheus/common`'s
/// `helpers/templates`), with Prometheus's number formatting.
enum PrometheusTemplateFunctions {
    static let all: [String: TemplateFunction] = [
        "query": TemplateFunction([.string]) { arguments, environment throws(TemplateFunctionError) in
            guard let query = environment.query else {
                throw TemplateFunctionError("no query engine is attached to this template expansion")
            }
            do {
                return .queryResult(try query(arguments[0].stringKindValue ?? ""))
            } catch {
                throw TemplateFunctionError(String(describing: error))
            }
        },
        "first": TemplateFunction([.queryResult]) { arguments, _ throws(TemplateFunctionError) in
            guard case .queryResult(let samples) = arguments[0], let first = samples.first else {
                throw TemplateFunctionError("first() called on vector with no elements")
            }
            return .sample(first)
        },
        "label": TemplateFunction([.string, .sample]) { arguments, _ throws(TemplateFunctionError) in
            let sample = try dereference(arguments[1])
            return .string(sample.labels[arguments[0].stringKindValue ?? ""] ?? "")
        },
        "value": TemplateFunction([.sample]) { arguments, _ throws(TemplateFunctionError) in
            .float(try dereference(arguments[0]).value)
        },
        "strvalue": TemplateFunction([.sample]) { arguments, _ throws(TemplateFunctionError) in
            .string(try dereference(arguments[0]).labels["__value__"] ?? "")
        },
        "args": TemplateFunction([], variadic: .anyValue) { arguments, _ in
            var map: [String: TemplateValue] = [:]
            for (index, argument) in arguments.enumerated() { map["arg\(index)"] = argument }
            return .anyMap(map)
        },
        "reReplaceAll": TemplateFunction([.string, .string, .string]) { arguments, _ throws(TemplateFunctionError) in
            let pattern = arguments[0].stringKindValue ?? ""
            guard let regex = GoRegex(pattern) else {
                throw TemplateFunctionError(
                    "regexp: Compile(\(GoString.quoted(pattern))): error parsing regexp: invalid pattern")
            }
            return .string(
                regex.replaceAll(in: arguments[2].stringKindValue ?? "", with: arguments[1].stringKindValue ?? ""))
        },
        "safeHtml": TemplateFunction([.string]) { arguments, _ in .html(arguments[0].stringKindValue ?? "") },
        "match": TemplateFunction([.string, .string]) { arguments, _ throws(TemplateFunctionError) in
            let pattern = arguments[0].stringKindValue ?? ""
            guard let regex = GoRegex(pattern) else {
                throw TemplateFunctionError("error parsing regexp: invalid pattern: `\(pattern)`")
            }
            return .bool(regex.matches(arguments[1].stringKindValue ?? ""))
        },
        "title": stringFunction(GoStrings.title),
        "toUpper": stringFunction(GoStrings.uppercased),
        "toLower": stringFunction(GoStrings.lowercased),
        "graphLink": stringFunction { "/graph?g0.expr=\(GoString.queryEscaped($0))&g0.tab=0" },
        "tableLink": stringFunction { "/graph?g0.expr=\(GoString.queryEscaped($0))&g0.tab=1" },
        "sortByLabel": TemplateFunction([.string, .queryResult]) { arguments, _ in
            guard case .queryResult(let samples) = arguments[1] else { return arguments[1] }
            let label = arguments[0].stringKindValue ?? ""
            let sorted = samples.enumerated().sorted { lhs, rhs in
                let (a, b) = (lhs.element.labels[label] ?? "", rhs.element.labels[label] ?? "")
                return a == b ? lhs.offset < rhs.offset : goStringLess(a, b)
            }
            return .queryResult(sorted.map(\.element))
        },
        "stripPort": stringFunction { hostPort in GoNet.splitHostPort(hostPort)?.host ?? hostPort },
        "stripDomain": stringFunction(GoNet.stripDomain),
        "humanize": numberFunction(humanize),
        "humanize1024": numberFunction(humanize1024),
        "humanizeDuration": numberFunction(humanizeDuration),
        "humanizePercentage": numberFunction { .string(formatG4($0 * 100) + "%") },
        "humanizeTimestamp": numberFunction { value throws(TemplateFunctionError) in
            guard value.isFinite else { return .string(formatG4(value)) }
            return .string(GoTime.timeString(unixMilliseconds: try unixMilliseconds(value)))
        },
        "toTime": numberFunction { value throws(TemplateFunctionError) in
            guard value.isFinite else { throw TemplateFunctionError("value is NaN or Inf") }
            return .time(milliseconds: try unixMilliseconds(value))
        },
        "toDuration": numberFunction { value in .duration(nanoseconds: goInt64(value * 1e9)) },
        "now": TemplateFunction([]) { _, environment in .float(environment.evaluationTime) },
        "pathPrefix": TemplateFunction([]) { _, environment in .string(GoNet.urlPath(environment.externalURL)) },
        "externalURL": TemplateFunction([]) { _, environment in .string(environment.externalURL) },
        "parseDuration": TemplateFunction([.string]) { arguments, _ throws(TemplateFunctionError) in
            .float(try parseDuration(arguments[0].stringKindValue ?? ""))
        },
    ]

    static func stringFunction(_ transform: @escaping @Sendable (String) -> String) -> TemplateFunction {
        TemplateFunction([.string]) { arguments, _ in .string(transform(arguments[0].stringKindValue ?? "")) }
    }

    /// A function taking `interface {}` that Prometheus converts with `ConvertToFloat`.
    private static func numberFunction(
        _ body: @escaping @Sendable (Double) throws(TemplateFunctionError) -> TemplateValue
    ) -> TemplateFunction {
        TemplateFunction([.anyValue]) { arguments, _ throws(TemplateFunctionError) in
            try body(try convertToFloat(arguments[0]))
        }
    }

    private static func dereference(_ value: TemplateValue) throws(TemplateFunctionError) -> TemplateQuerySample {
        guard case .sample(let sample?) = value else {
            throw TemplateFunctionError("runtime error: invalid memory address or nil pointer dereference")
        }
        return sample
    }

    /// `helpers/templates.ConvertToFloat`.
    static func convertToFloat(_ value: TemplateValue) throws(TemplateFunctionError) -> Double {
        switch value {
        case .float(let number): return number
        case .int(let number): return Double(number)
        case .string(let text): return try GoStrings.parseFloat(text)
        default: throw TemplateFunctionError("can't convert \(value.goTypeName) to float")
        }
    }

    private static func formatG4(_ value: Double) -> String {
        GoPrinter.sprintf("%.4g", [.float(value)])
    }

    private static func humanize(_ value: Double) -> TemplateValue {
        if value == 0 || !value.isFinite { return .string(formatG4(value)) }
        var scaled = value
        var prefix = ""
        if scaled.magnitude >= 1 {
            for candidate in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if scaled.magnitude < 1000 { break }
                prefix = candidate
                scaled /= 1000
            }
        } else {
            for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
                if scaled.magnitude >= 1 { break }
                prefix = candidate
                scaled *= 1000
            }
        }
        return .string(formatG4(scaled) + prefix)
    }

    private static func humanize1024(_ value: Double) -> TemplateValue {
        if value.magnitude <= 1 || !value.isFinite { return .string(formatG4(value)) }
        var scaled = value
        var prefix = ""
        for candidate in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            if scaled.magnitude < 1024 { break }
            prefix = candidate
            scaled /= 1024
        }
        return .string(formatG4(scaled) + prefix)
    }

    /// `helpers/templates.HumanizeDuration`.
    private static func humanizeDuration(_ value: Double) -> TemplateValue {
        if !value.isFinite { return .string(formatG4(value)) }
        if value == 0 { return .string(formatG4(value) + "s") }
        if value.magnitude >= 1 {
            let sign = value < 0 ? "-" : ""
            let magnitude = value.magnitude
            let duration = goInt64(magnitude)
            let seconds = duration % 60
            let minutes = (duration / 60) % 60
            let hours = (duration / 60 / 60) % 24
            let days = duration / 60 / 60 / 24
            if days != 0 { return .string("\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s") }
            if hours != 0 { return .string("\(sign)\(hours)h \(minutes)m \(seconds)s") }
            if minutes != 0 { return .string("\(sign)\(minutes)m \(seconds)s") }
            return .string(sign + formatG4(magnitude) + "s")
        }
        var scaled = value
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if scaled.magnitude >= 1 { break }
            prefix = candidate
            scaled *= 1000
        }
        return .string(formatG4(scaled) + prefix + "s")
    }

    /// `FloatToTime` then `model.TimeFromUnixNano`: whole milliseconds since the epoch.
    private static func unixMilliseconds(_ value: Double) throws(TemplateFunctionError) -> Int64 {
        let nanoseconds = value * 1e9
        if nanoseconds > 9.223372036854775807e18 || nanoseconds < -9.223372036854775808e18 {
            throw TemplateFunctionError(
                "\(GoPrinter.sprint([.float(value)])) cannot be represented as a nanoseconds timestamp since it "
                    + "overflows int64")
        }
        return goInt64(nanoseconds) / 1_000_000
    }

    /// Go's float-to-int64 conversion on amd64: truncation, out-of-range and NaN become `math.MinInt64`.
    static func goInt64(_ value: Double) -> Int64 {
        Int64(exactly: value.rounded(.towardZero)) ?? Int64.min
    }

    /// `model.ParseDuration`, returned in seconds as `parseDuration` does.
    static func parseDuration(_ text: String) throws(TemplateFunctionError) -> Double {
        if text == "0" { return 0 }
        if text.isEmpty { throw TemplateFunctionError("empty duration string") }
        let invalid = TemplateFunctionError("not a valid duration string: \(GoString.quoted(text))")
        let units: [(String, UInt64)] = [
            ("y", 365 * 86_400_000_000_000), ("w", 7 * 86_400_000_000_000), ("d", 86_400_000_000_000),
            ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000),
        ]
        var bytes = Array(text.utf8)[...]
        var total: UInt64 = 0
        var lastUnit = -1
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while !bytes.isEmpty {
            let digits = bytes.prefix(while: isDigit)
            guard !digits.isEmpty, let number = UInt64(String(decoding: digits, as: UTF8.self)) else { throw invalid }
            bytes = bytes.dropFirst(digits.count)
            let unitBytes = bytes.prefix(while: { !isDigit($0) })
            guard !unitBytes.isEmpty else { throw invalid }
            bytes = bytes.dropFirst(unitBytes.count)
            let unit = String(decoding: unitBytes, as: UTF8.self)
            guard let position = units.firstIndex(where: { $0.0 == unit }) else {
                throw TemplateFunctionError(
                    "unknown unit \(GoString.quoted(unit)) in duration \(GoString.quoted(text))")
            }
            guard position > lastUnit else { throw invalid }
            lastUnit = position
            let multiplier = units[position].1
            guard number <= (1 << 63) / multiplier else { throw TemplateFunctionError("duration out of range") }
            total += number * multiplier
            guard total <= UInt64(Int64.max) else { throw TemplateFunctionError("duration out of range") }
        }
        return Double(Int64(total)) / 1e9
    }
}
