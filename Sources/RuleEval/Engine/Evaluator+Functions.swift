import Glibc
import PromText

extension Evaluator {
    func evaluateCall(_ call: Call, at time: Int64) throws(EvaluationError) -> QueryValue {
        let name = call.function.name
        let arguments = call.arguments
        if let math = Self.mathFunctions[name] {
            return .vector(try mapValues(arguments[0], at: time, math))
        }
        if let transform = RangeFunctions.transforms[name] {
            return .vector(try evaluateRangeFunction(call, transform, at: time))
        }
        if let part = DateFunctions.parts[name] {
            let samples =
                arguments.isEmpty
                ? [InstantSample(labels: Labels(), value: Double(time) / 1000, timestamp: time)]
                : try evaluateVector(arguments[0], at: time)
            return .vector(
                samples.map {
                    InstantSample(
                        labels: $0.labels.droppingMetricName(), value: DateFunctions.value(part, $0.value),
                        timestamp: time)
                })
        }
        switch name {
        case "time": return .scalar(Double(time) / 1000)
        case "pi": return .scalar(Double.pi)
        case "vector":
            return .vector([
                InstantSample(labels: Labels(), value: try evaluateScalar(arguments[0], at: time), timestamp: time)
            ])
        case "scalar":
            let samples = try evaluateVector(arguments[0], at: time)
            return .scalar(samples.count == 1 ? samples[0].value : .nan)
        case "timestamp":
            let samples = try evaluateVector(arguments[0], at: time)
            let keepsSampleTime = Self.isPlainSelector(arguments[0])
            return .vector(
                samples.map {
                    InstantSample(
                        labels: $0.labels.droppingMetricName(),
                        value: Double(keepsSampleTime ? $0.timestamp : time) / 1000, timestamp: time)
                })
        case "sort", "sort_desc":
            let samples = try evaluateVector(arguments[0], at: time)
            let descending = name == "sort_desc"
            return .vector(
                samples.sorted {
                    if $0.value.isNaN != $1.value.isNaN { return $1.value.isNaN }
                    return descending ? $0.value > $1.value : $0.value < $1.value
                })
        case "round":
            let nearest = arguments.count > 1 ? try evaluateScalar(arguments[1], at: time) : 1
            let inverse = 1 / nearest
            return .vector(try mapValues(arguments[0], at: time) { ($0 * inverse + 0.5).rounded(.down) / inverse })
        case "clamp":
            let minimum = try evaluateScalar(arguments[1], at: time)
            let maximum = try evaluateScalar(arguments[2], at: time)
            if maximum < minimum { return .vector([]) }
            return .vector(
                try mapValues(arguments[0], at: time) {
                    FloatAlgorithms.goMax(minimum, FloatAlgorithms.goMin(maximum, $0))
                })
        case "clamp_max":
            let maximum = try evaluateScalar(arguments[1], at: time)
            return .vector(try mapValues(arguments[0], at: time) { FloatAlgorithms.goMin(maximum, $0) })
        case "clamp_min":
            let minimum = try evaluateScalar(arguments[1], at: time)
            return .vector(try mapValues(arguments[0], at: time) { FloatAlgorithms.goMax(minimum, $0) })
        case "absent":
            let samples = try evaluateVector(arguments[0], at: time)
            guard samples.isEmpty else { return .vector([]) }
            return .vector([InstantSample(labels: Self.absentLabels(arguments[0]), value: 1, timestamp: time)])
        case "absent_over_time":
            let range = try evaluateRange(arguments[0], at: time)
            guard range.series.isEmpty else { return .vector([]) }
            return .vector([InstantSample(labels: Self.absentLabels(arguments[0]), value: 1, timestamp: time)])
        case "histogram_quantile":
            let phi = try evaluateScalar(arguments[0], at: time)
            return .vector(ClassicHistogram.quantiles(phi, try evaluateVector(arguments[1], at: time), at: time))
        case "histogram_fraction":
            let lower = try evaluateScalar(arguments[0], at: time)
            let upper = try evaluateScalar(arguments[1], at: time)
            return .vector(
                ClassicHistogram.fractions(lower, upper, try evaluateVector(arguments[2], at: time), at: time))
        case "label_replace":
            return .vector(try labelReplace(arguments, at: time))
        case "label_join":
            return .vector(try labelJoin(arguments, at: time))
        default:
            throw EvaluationError("function \(name) is not supported by Tocsin")
        }
    }

    /// Applies `transform` to every sample value, dropping `__name__`.
    private func mapValues(_ argument: Expression, at time: Int64, _ transform: (Double) -> Double)
        throws(EvaluationError) -> [InstantSample]
    {
        try evaluateVector(argument, at: time).map {
            InstantSample(labels: $0.labels.droppingMetricName(), value: transform($0.value), timestamp: time)
        }
    }

    private static func isPlainSelector(_ expression: Expression) -> Bool {
        switch expression {
        case .vectorSelector: true
        case .parenthesized(let node): isPlainSelector(node.expression)
        default: false
        }
    }

    /// The labels `absent` gives its result: the selector's equality matchers, except names matched more than once.
    private static func absentLabels(_ expression: Expression) -> Labels {
        let matchers: [LabelMatcher]
        switch expression {
        case .vectorSelector(let selector): matchers = selector.matchers
        case .matrixSelector(let selector): matchers = selector.selector.matchers
        case .parenthesized(let node): return absentLabels(node.expression)
        default: return Labels()
        }
        var labels = Labels()
        var removed = Set<String>()
        for matcher in matchers where matcher.name != Labels.metricName {
            if matcher.type == .equal && labels[matcher.name] == nil {
                labels = labels.setting(matcher.name, to: matcher.value)
            } else {
                removed.insert(matcher.name)
            }
        }
        return labels.removing(removed)
    }

    private func evaluateRangeFunction(_ call: Call, _ transform: RangeFunctions.Transform, at time: Int64)
        throws(EvaluationError) -> [InstantSample]
    {
        var scalarArgument = Double.nan
        var rangeArgument = call.arguments[0]
        if call.function.name == "quantile_over_time" {
            scalarArgument = try evaluateScalar(call.arguments[0], at: time)
            rangeArgument = call.arguments[1]
        } else if call.arguments.count > 1 {
            scalarArgument = try evaluateScalar(call.arguments[1], at: time)
        }
        let range = try evaluateRange(rangeArgument, at: time)
        let keepsName = call.function.name == "last_over_time"
        return range.series.compactMap { series in
            let context = RangeFunctions.Context(
                series: series, start: range.start, end: range.end, evaluationTime: time, argument: scalarArgument)
            guard let value = transform(context) else { return nil }
            return InstantSample(
                labels: keepsName ? series.labels : series.labels.droppingMetricName(), value: value, timestamp: time)
        }
    }

    private func labelReplace(_ arguments: [Expression], at time: Int64) throws(EvaluationError) -> [InstantSample] {
        let destination = try evaluateString(arguments[1], at: time)
        let replacement = try evaluateString(arguments[2], at: time)
        let source = try evaluateString(arguments[3], at: time)
        let pattern = try evaluateString(arguments[4], at: time)
        guard let regex = GoRegex("^(?s:" + pattern + ")$") else {
            throw EvaluationError("invalid regular expression in label_replace(): \(pattern)")
        }
        guard Self.isValidLabelName(destination) else {
            throw EvaluationError("invalid destination label name in label_replace(): \(destination)")
        }
        return try evaluateVector(arguments[0], at: time).map { sample in
            let value = sample.labels[source] ?? ""
            guard regex.matches(value) else { return sample }
            var changed = sample
            changed.labels = sample.labels.setting(destination, to: regex.replaceAll(in: value, with: replacement))
            return changed
        }
    }

    private func labelJoin(_ arguments: [Expression], at time: Int64) throws(EvaluationError) -> [InstantSample] {
        let destination = try evaluateString(arguments[1], at: time)
        let separator = try evaluateString(arguments[2], at: time)
        var sources: [String] = []
        for argument in arguments.dropFirst(3) { sources.append(try evaluateString(argument, at: time)) }
        guard Self.isValidLabelName(destination) else {
            throw EvaluationError("invalid destination label name in label_join(): \(destination)")
        }
        return try evaluateVector(arguments[0], at: time).map { sample in
            var changed = sample
            let joined = sources.map { sample.labels[$0] ?? "" }.joined(separator: separator)
            changed.labels = sample.labels.setting(destination, to: joined)
            return changed
        }
    }

    private static func isValidLabelName(_ name: String) -> Bool {
        !name.isEmpty
    }

    private static let mathFunctions: [String: @Sendable (Double) -> Double] = [
        "abs": { Swift.abs($0) }, "ceil": { $0.rounded(.up) }, "floor": { $0.rounded(.down) },
        "exp": { Glibc.exp($0) }, "sqrt": { $0.squareRoot() }, "ln": { Glibc.log($0) },
        "log2": { Glibc.log2($0) }, "log10": { Glibc.log10($0) },
        "sin": { Glibc.sin($0) }, "cos": { Glibc.cos($0) }, "tan": { Glibc.tan($0) },
        "asin": { Glibc.asin($0) }, "acos": { Glibc.acos($0) }, "atan": { Glibc.atan($0) },
        "sinh": { Glibc.sinh($0) }, "cosh": { Glibc.cosh($0) }, "tanh": { Glibc.tanh($0) },
        "asinh": { Glibc.asinh($0) }, "acosh": { Glibc.acosh($0) }, "atanh": { Glibc.atanh($0) },
        "deg": { $0 * 180 / Double.pi }, "rad": { $0 * Double.pi / 180 },
        "sgn": { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) },
    ]
}
