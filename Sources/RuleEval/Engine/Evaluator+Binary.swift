import Glibc
import PromText

extension Evaluator {
    func evaluateBinary(_ binary: BinaryExpression, at time: Int64) throws(EvaluationError) -> QueryValue {
        let lhs = try evaluate(binary.lhs, at: time)
        let rhs = try evaluate(binary.rhs, at: time)
        switch (lhs, rhs) {
        case (.scalar(let left), .scalar(let right)):
            let (value, keep) = Self.apply(binary.op, left, right)
            return .scalar(binary.op.isComparison ? (keep ? 1 : 0) : value)
        case (.vector(let samples), .scalar(let scalar)):
            return .vector(vectorScalar(binary, samples, scalar, scalarOnLeft: false, at: time))
        case (.scalar(let scalar), .vector(let samples)):
            return .vector(vectorScalar(binary, samples, scalar, scalarOnLeft: true, at: time))
        case (.vector(let left), .vector(let right)):
            switch binary.op {
            case .and: return .vector(intersect(left, right, binary.matching, keepMatches: true))
            case .unless: return .vector(intersect(left, right, binary.matching, keepMatches: false))
            case .or: return .vector(union(left, right, binary.matching))
            default: return .vector(try vectorVector(binary, left, right, at: time))
            }
        default:
            throw EvaluationError("binary operator \(binary.op.rawValue) not defined on these operand types")
        }
    }

    /// `vectorElemBinop`: the arithmetic result, or for comparisons the left value and whether it holds.
    static func apply(_ op: BinaryOperator, _ left: Double, _ right: Double) -> (Double, Bool) {
        switch op {
        case .add: (left + right, true)
        case .subtract: (left - right, true)
        case .multiply: (left * right, true)
        case .divide: (left / right, true)
        case .power: (pow(left, right), true)
        case .modulo: (fmod(left, right), true)
        case .atan2: (atan2(left, right), true)
        case .equal: (left, left == right)
        case .notEqual: (left, left != right)
        case .greater: (left, left > right)
        case .less: (left, left < right)
        case .greaterOrEqual: (left, left >= right)
        case .lessOrEqual: (left, left <= right)
        case .and, .or, .unless: (left, true)
        }
    }

    /// Whether the operator removes `__name__` from its result (the arithmetic ones).
    static func dropsMetricName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .divide, .power, .modulo, .atan2: true
        default: false
        }
    }

    private func vectorScalar(
        _ binary: BinaryExpression, _ samples: [InstantSample], _ scalar: Double, scalarOnLeft: Bool, at time: Int64
    ) -> [InstantSample] {
        let dropName = Self.dropsMetricName(binary.op) || binary.returnBool
        return samples.compactMap { sample in
            let (left, right) = scalarOnLeft ? (scalar, sample.value) : (sample.value, scalar)
            var (value, keep) = Self.apply(binary.op, left, right)
            if binary.op.isComparison && scalarOnLeft { value = right }
            if binary.returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { return nil }
            let labels = dropName ? sample.labels.droppingMetricName() : sample.labels
            return InstantSample(labels: labels, value: value, timestamp: time)
        }
    }

    /// The labels two samples are matched on.
    static func signature(_ labels: Labels, _ matching: VectorMatching) -> Labels {
        if matching.on { return labels.keeping(Set(matching.matchingLabels)) }
        return labels.removing(Set(matching.matchingLabels + [Labels.metricName]))
    }

    private func intersect(
        _ left: [InstantSample], _ right: [InstantSample], _ matching: VectorMatching, keepMatches: Bool
    ) -> [InstantSample] {
        let rightSignatures = Set(right.map { Self.signature($0.labels, matching) })
        return left.filter { rightSignatures.contains(Self.signature($0.labels, matching)) == keepMatches }
    }

    private func union(_ left: [InstantSample], _ right: [InstantSample], _ matching: VectorMatching)
        -> [InstantSample]
    {
        let leftSignatures = Set(left.map { Self.signature($0.labels, matching) })
        return left + right.filter { !leftSignatures.contains(Self.signature($0.labels, matching)) }
    }

    private func vectorVector(
        _ binary: BinaryExpression, _ left: [InstantSample], _ right: [InstantSample], at time: Int64
    ) throws(EvaluationError) -> [InstantSample] {
        let matching = binary.matching
        if left.isEmpty || right.isEmpty { return [] }
        let swapped = matching.cardinality == .oneToMany
        let (many, one) = swapped ? (right, left) : (left, right)
        var oneBySignature: [Labels: InstantSample] = [:]
        for sample in one {
            let signature = Self.signature(sample.labels, matching)
            if let duplicate = oneBySignature[signature] {
                let side = swapped ? "left" : "right"
                throw EvaluationError(
                    "found duplicate series for the match group \(signature.promQLText) on the \(side) hand-side "
                        + "of the operation: [\(sample.labels.promQLText), \(duplicate.labels.promQLText)]"
                        + ";many-to-many matching not allowed: matching labels must be unique on one side")
            }
            oneBySignature[signature] = sample
        }
        var matchedSignatures = Set<Labels>()
        var emittedLabels = Set<Labels>()
        var result: [InstantSample] = []
        for sample in many {
            let signature = Self.signature(sample.labels, matching)
            guard let partner = oneBySignature[signature] else { continue }
            let (leftValue, rightValue) = swapped ? (partner.value, sample.value) : (sample.value, partner.value)
            var (value, keep) = Self.apply(binary.op, leftValue, rightValue)
            if binary.returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            var labels = resultLabels(sample.labels, partner.labels, binary)
            if binary.returnBool { labels = labels.droppingMetricName() }
            if matching.cardinality == .oneToOne {
                guard matchedSignatures.insert(signature).inserted else {
                    throw EvaluationError(
                        "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                }
            } else {
                guard emittedLabels.insert(labels).inserted else {
                    throw EvaluationError("multiple matches for labels: grouping labels must ensure unique matches")
                }
            }
            result.append(InstantSample(labels: labels, value: value, timestamp: time))
        }
        return result
    }

    private func resultLabels(_ many: Labels, _ one: Labels, _ binary: BinaryExpression) -> Labels {
        let matching = binary.matching
        var labels = Self.dropsMetricName(binary.op) ? many.droppingMetricName() : many
        if matching.cardinality == .oneToOne {
            labels =
                matching.on
                ? labels.keeping(Set(matching.matchingLabels))
                : labels.removing(Set(matching.matchingLabels))
        }
        for name in matching.include {
            labels = labels.setting(name, to: one[name] ?? "")
        }
        return labels
    }
}
