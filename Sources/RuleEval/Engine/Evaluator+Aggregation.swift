import PromText

extension Evaluator {
    /// The running state of one aggregation group, as `aggregation.go` keeps it.
    private struct Group {
        var labels: Labels
        var value: Double
        var mean: Double
        var compensation = 0.0
        var count = 1.0
        var incrementalMean = false
        var samples: [InstantSample]
    }

    func evaluateAggregation(_ aggregation: Aggregation, at time: Int64) throws(EvaluationError) -> [InstantSample] {
        let samples = try evaluateVector(aggregation.expression, at: time)
        switch aggregation.op {
        case .topk, .bottomk:
            let parameter = try aggregation.parameter.map { (expression) throws(EvaluationError) in
                try evaluateScalar(expression, at: time)
            }
            return try selectK(aggregation, samples, parameter ?? .nan)
        case .countValues:
            let label = try evaluateString(aggregation.parameter ?? .string(StringLiteral(value: "")), at: time)
            let relabelled = samples.map { sample in
                InstantSample(
                    labels: groupLabels(sample.labels, aggregation).setting(label, to: Self.formatValue(sample.value)),
                    value: 1, timestamp: time)
            }
            return fold(relabelled, by: { $0.labels }, .count, at: time)
        case .quantile:
            let phi = try aggregation.parameter.map { (expression) throws(EvaluationError) in
                try evaluateScalar(expression, at: time)
            }
            var groups: [Labels: [Double]] = [:]
            var order: [Labels] = []
            for sample in samples {
                let key = groupLabels(sample.labels, aggregation)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(sample.value)
            }
            return order.map {
                InstantSample(
                    labels: $0, value: FloatAlgorithms.quantile(phi ?? .nan, groups[$0] ?? []), timestamp: time)
            }
        default:
            return fold(samples, by: { groupLabels($0.labels, aggregation) }, aggregation.op, at: time)
        }
    }

    /// `count_values` prints values with `strconv.FormatFloat(v, 'f', -1, 64)`.
    static func formatValue(_ value: Double) -> String {
        GoFloat.shortest(value, verb: UInt8(ascii: "f"))
    }

    /// The labels of the group a sample belongs to.
    func groupLabels(_ labels: Labels, _ aggregation: Aggregation) -> Labels {
        if aggregation.without {
            return labels.removing(Set(aggregation.grouping + [Labels.metricName]))
        }
        return labels.keeping(Set(aggregation.grouping))
    }

    private func fold(
        _ samples: [InstantSample], by key: (InstantSample) -> Labels, _ op: AggregationOperator, at time: Int64
    ) -> [InstantSample] {
        var groups: [Labels: Group] = [:]
        var order: [Labels] = []
        for sample in samples {
            let labels = key(sample)
            guard var group = groups[labels] else {
                order.append(labels)
                groups[labels] = Self.start(labels, sample.value, op)
                continue
            }
            Self.accumulate(&group, sample.value, op)
            groups[labels] = group
        }
        return order.compactMap { labels in
            guard let group = groups[labels] else { return nil }
            return InstantSample(labels: labels, value: Self.finish(group, op), timestamp: time)
        }
    }

    private static func start(_ labels: Labels, _ value: Double, _ op: AggregationOperator) -> Group {
        var group = Group(labels: labels, value: value, mean: value, samples: [])
        switch op {
        case .count, .group: group.value = 1
        case .stddev, .stdvar: group.value = value.isNaN || value.isInfinite ? .nan : 0
        default: break
        }
        return group
    }

    private static func accumulate(_ group: inout Group, _ value: Double, _ op: AggregationOperator) {
        switch op {
        case .sum:
            (group.value, group.compensation) = FloatAlgorithms.kahanSumIncrement(
                value, group.value, group.compensation)
        case .avg:
            group.count += 1
            if !group.incrementalMean {
                let (sum, compensation) = FloatAlgorithms.kahanSumIncrement(value, group.value, group.compensation)
                if !sum.isInfinite {
                    (group.value, group.compensation) = (sum, compensation)
                    return
                }
                group.incrementalMean = true
                group.mean = group.value / (group.count - 1)
                group.compensation /= group.count - 1
            }
            if group.mean.isInfinite {
                if value.isInfinite && (group.mean > 0) == (value > 0) { return }
                if !value.isInfinite && !value.isNaN { return }
            }
            let ratio = (group.count - 1) / group.count
            (group.mean, group.compensation) = FloatAlgorithms.kahanSumIncrement(
                value / group.count, ratio * group.mean, ratio * group.compensation)
        case .count:
            group.value += 1
        case .max:
            if group.value < value || group.value.isNaN { group.value = value }
        case .min:
            if group.value > value || group.value.isNaN { group.value = value }
        case .stddev, .stdvar:
            group.count += 1
            let delta = value - group.mean
            group.mean += delta / group.count
            group.value += delta * (value - group.mean)
        default:
            break
        }
    }

    private static func finish(_ group: Group, _ op: AggregationOperator) -> Double {
        switch op {
        case .sum: group.value + group.compensation
        case .avg:
            group.incrementalMean
                ? group.mean + group.compensation
                : group.value / group.count + group.compensation / group.count
        case .stdvar: group.value / group.count
        case .stddev: (group.value / group.count).squareRoot()
        default: group.value
        }
    }

    /// `topk`/`bottomk`: the k largest or smallest samples of each group, with their own labels.
    private func selectK(_ aggregation: Aggregation, _ samples: [InstantSample], _ parameter: Double)
        throws(EvaluationError) -> [InstantSample]
    {
        if samples.isEmpty { return [] }
        if parameter.isNaN { throw EvaluationError("Parameter value is NaN for \(aggregation.op.rawValue)") }
        guard parameter >= 1 else { return [] }
        let k = parameter >= 9.2e18 ? Int.max : Int(parameter)
        var groups: [Labels: [InstantSample]] = [:]
        var order: [Labels] = []
        for sample in samples {
            let key = groupLabels(sample.labels, aggregation)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(sample)
        }
        let top = aggregation.op == .topk
        return order.flatMap { key in
            let members = groups[key] ?? []
            let ranked = members.enumerated().sorted { left, right in
                let (a, b) = (left.element.value, right.element.value)
                if a.isNaN != b.isNaN { return b.isNaN }
                if a != b && !a.isNaN { return top ? a > b : a < b }
                return left.offset < right.offset
            }
            return ranked.prefix(k).map(\.element)
        }
    }
}
