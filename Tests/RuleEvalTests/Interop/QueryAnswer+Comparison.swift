extension QueryAnswer {
    /// Whether two sample values agree as Prometheus's test engine compares them (`promqltest`'s `almostEqual`
    /// with its default relative epsilon of 1e-6; NaN equals NaN).
    static func almostEqual(_ left: Double, _ right: Double) -> Bool {
        if left.isNaN && right.isNaN { return true }
        if left == right { return true }
        let absoluteSum = abs(left) + abs(right)
        let difference = abs(left - right)
        if left == 0 || right == 0 || absoluteSum < Double.leastNormalMagnitude {
            return difference < 1e-6 * Double.leastNormalMagnitude
        }
        return difference / min(absoluteSum, Double.greatestFiniteMagnitude) < 1e-6
    }

    /// How `candidate` differs from `self` (the reference), one line per difference; empty when they agree.
    ///
    /// Series are matched by label set, so their order does not matter unless `ordered` (for `sort`); points must
    /// have equal timestamps and almost equal values. Two errors agree when their types do.
    func differences(from candidate: QueryAnswer, ordered: Bool = false) -> [String] {
        switch (self, candidate) {
        case (.error(let type, _), .error(let candidateType, _)):
            return type == candidateType ? [] : ["error type \(type) ≠ \(candidateType)"]
        case (.scalar(let point), .scalar(let candidatePoint)):
            return Self.pointsAgree([point], [candidatePoint]) ? [] : ["scalar \(point) ≠ \(candidatePoint)"]
        case (.string(let text), .string(let candidateText)):
            return text == candidateText ? [] : ["string \"\(text)\" ≠ \"\(candidateText)\""]
        case (.series(let type, let series), .series(let candidateType, let candidateSeries)):
            guard type == candidateType else { return ["result type \(type) ≠ \(candidateType)"] }
            return Self.seriesDifferences(series, candidateSeries, ordered: ordered)
        default:
            return ["\(self) ≠ \(candidate)"]
        }
    }

    private static func seriesDifferences(_ reference: [Series], _ candidate: [Series], ordered: Bool) -> [String] {
        var lines: [String] = []
        let candidateByLabels = Dictionary(
            candidate.map { ($0.labelText, $0) }, uniquingKeysWith: { first, _ in first })
        let referenceLabels = Set(reference.map(\.labelText))
        for series in reference {
            guard let other = candidateByLabels[series.labelText] else {
                lines.append("missing \(series.labelText) \(pointsText(series.points))")
                continue
            }
            if !pointsAgree(series.points, other.points) {
                lines.append("\(series.labelText): \(pointsText(series.points)) ≠ \(pointsText(other.points))")
            }
        }
        for series in candidate where !referenceLabels.contains(series.labelText) {
            lines.append("unexpected \(series.labelText) \(pointsText(series.points))")
        }
        if candidate.count != candidateByLabels.count {
            lines.append("duplicate label sets in \(candidate.count) series")
        }
        if ordered && lines.isEmpty && reference.map(\.labelText) != candidate.map(\.labelText) {
            lines.append("order \(reference.map(\.labelText)) ≠ \(candidate.map(\.labelText))")
        }
        return lines
    }

    private static func pointsAgree(_ reference: [Point], _ candidate: [Point]) -> Bool {
        reference.count == candidate.count
            && zip(reference, candidate).allSatisfy {
                $0.milliseconds == $1.milliseconds && almostEqual($0.value, $1.value)
            }
    }

    private static func pointsText(_ points: [Point]) -> String {
        "[" + points.map { "\($0.value) @\($0.milliseconds)" }.joined(separator: ", ") + "]"
    }
}
