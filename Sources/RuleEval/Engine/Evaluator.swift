import PromText

/// One instant query's evaluation: the engine settings plus the query time that `@ start()`/`@ end()` mean.
struct Evaluator {
    let engine: QueryEngine
    let queryTime: Int64

    func evaluate(_ expression: Expression, at time: Int64) throws(EvaluationError) -> QueryValue {
        let value = try evaluateNode(expression, at: time)
        switch expression {
        case .call, .binary, .unary:
            // Dropping `__name__` can make two series equal, which Prometheus refuses.
            if case .vector(let samples) = value, samples.count > 1 {
                var seen = Set<Labels>()
                for sample in samples where !seen.insert(sample.labels).inserted {
                    throw EvaluationError("vector cannot contain metrics with the same labelset")
                }
            }
        default:
            break
        }
        return value
    }

    private func evaluateNode(_ expression: Expression, at time: Int64) throws(EvaluationError) -> QueryValue {
        switch expression {
        case .number(let node): return .scalar(node.value)
        case .string(let node): return .string(node.value)
        case .parenthesized(let node): return try evaluate(node.expression, at: time)
        case .unary(let node):
            let operand = try evaluate(node.expression, at: time)
            guard node.op == .minus else { return operand }
            switch operand {
            case .scalar(let value): return .scalar(-value)
            case .vector(let samples):
                return .vector(
                    samples.map {
                        InstantSample(labels: $0.labels.droppingMetricName(), value: -$0.value, timestamp: time)
                    })
            default: throw EvaluationError("unary expression only allowed on expressions of type scalar or vector")
            }
        case .vectorSelector(let selector): return .vector(selectInstant(selector, at: time))
        case .matrixSelector(let selector): return .matrix(selectRange(selector, at: time).series)
        case .subquery(let subquery): return .matrix(try evaluateSubquery(subquery, at: time).series)
        case .call(let call): return try evaluateCall(call, at: time)
        case .aggregation(let aggregation): return .vector(try evaluateAggregation(aggregation, at: time))
        case .binary(let binary): return try evaluateBinary(binary, at: time)
        }
    }

    func evaluateVector(_ expression: Expression, at time: Int64) throws(EvaluationError) -> [InstantSample] {
        switch try evaluate(expression, at: time) {
        case .vector(let samples): return samples
        case .scalar(let value): return [InstantSample(labels: Labels(), value: value, timestamp: time)]
        default: throw EvaluationError("expected an instant vector, found \(expression.type)")
        }
    }

    func evaluateScalar(_ expression: Expression, at time: Int64) throws(EvaluationError) -> Double {
        switch try evaluate(expression, at: time) {
        case .scalar(let value): return value
        case .vector(let samples): return samples.count == 1 ? samples[0].value : .nan
        default: throw EvaluationError("expected a scalar, found \(expression.type)")
        }
    }

    func evaluateString(_ expression: Expression, at time: Int64) throws(EvaluationError) -> String {
        guard case .string(let text) = try evaluate(expression, at: time) else {
            throw EvaluationError("expected a string, found \(expression.type)")
        }
        return text
    }

    /// Evaluates a range-vector argument and reports the window it covers.
    func evaluateRange(_ expression: Expression, at time: Int64) throws(EvaluationError) -> SelectedRange {
        switch expression {
        case .matrixSelector(let selector): return selectRange(selector, at: time)
        case .subquery(let subquery): return try evaluateSubquery(subquery, at: time)
        case .parenthesized(let node): return try evaluateRange(node.expression, at: time)
        default: throw EvaluationError("expected a range vector, found \(expression.type)")
        }
    }

    /// The reference time of a selector: the `@` time (or the evaluation time) minus the offset.
    func referenceTime(at modifier: AtModifier?, offset: Int64, evaluationTime: Int64) -> Int64 {
        let base: Int64
        switch modifier {
        case .timestamp(let milliseconds): base = milliseconds
        case .start, .end: base = queryTime
        case nil: base = evaluationTime
        }
        return base - offset
    }

    /// The latest sample of each matching series in the left-open lookback window; a stale marker ends a series.
    /// Each sample carries its own timestamp, which `timestamp()` reports.
    func selectInstant(_ selector: VectorSelector, at time: Int64) -> [InstantSample] {
        let reference = referenceTime(
            at: selector.at, offset: selector.offsetMilliseconds, evaluationTime: time)
        return engine.store.select(
            selector.storeMatchers, after: reference - engine.lookbackDelta, through: reference
        ).compactMap { series in
            guard let value = series.values.last, let timestamp = series.timestamps.last,
                !StaleMarker.isStale(value)
            else { return nil }
            return InstantSample(labels: series.labels, value: value, timestamp: timestamp)
        }
    }

    /// The samples of each matching series in the left-open range window, stale markers removed.
    func selectRange(_ selector: MatrixSelector, at time: Int64) -> SelectedRange {
        let reference = referenceTime(
            at: selector.selector.at, offset: selector.selector.offsetMilliseconds, evaluationTime: time)
        let start = reference - selector.rangeMilliseconds
        let series = engine.store.select(selector.selector.storeMatchers, after: start, through: reference).compactMap {
            selected -> RangeSeries? in
            var timestamps: [Int64] = []
            var values: [Double] = []
            for (timestamp, value) in zip(selected.timestamps, selected.values) where !StaleMarker.isStale(value) {
                timestamps.append(timestamp)
                values.append(value)
            }
            guard !timestamps.isEmpty else { return nil }
            return RangeSeries(labels: selected.labels, timestamps: timestamps, values: values)
        }
        return SelectedRange(series: series, start: start, end: reference)
    }

    /// Evaluates the inner expression at every step-aligned time in the left-open window, as Prometheus does.
    func evaluateSubquery(_ subquery: Subquery, at time: Int64) throws(EvaluationError) -> SelectedRange {
        let reference = referenceTime(at: subquery.at, offset: subquery.offsetMilliseconds, evaluationTime: time)
        let step = subquery.stepMilliseconds > 0 ? subquery.stepMilliseconds : engine.defaultSubqueryStep
        let windowStart = reference - subquery.rangeMilliseconds
        var stepTime = step * (windowStart / step)
        if stepTime <= windowStart { stepTime += step }
        guard (reference - stepTime) / step < QueryEngine.maximumSubquerySteps else {
            throw EvaluationError(
                "subquery \(PromQLDuration.format(milliseconds: subquery.rangeMilliseconds)) with step "
                    + "\(PromQLDuration.format(milliseconds: step)) exceeds \(QueryEngine.maximumSubquerySteps) steps")
        }
        var order: [Labels] = []
        var collected: [Labels: RangeSeries] = [:]
        while stepTime <= reference {
            for sample in try evaluateVector(subquery.expression, at: stepTime) {
                if collected[sample.labels] == nil {
                    order.append(sample.labels)
                    collected[sample.labels] = RangeSeries(labels: sample.labels, timestamps: [], values: [])
                }
                collected[sample.labels]?.timestamps.append(stepTime)
                collected[sample.labels]?.values.append(sample.value)
            }
            stepTime += step
        }
        return SelectedRange(series: order.compactMap { collected[$0] }, start: windowStart, end: reference)
    }
}
