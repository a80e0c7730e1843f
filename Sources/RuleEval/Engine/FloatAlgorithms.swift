/// The float algorithms Prometheus's engine shares between aggregations and functions, reproduced step by step
/// so results agree to the last bit.
enum FloatAlgorithms {
    /// `kahanSumInc`: adds `increment` to `sum` with Neumaier's compensation `compensation`.
    static func kahanSumIncrement(_ increment: Double, _ sum: Double, _ compensation: Double) -> (Double, Double) {
        let total = sum + increment
        var correction = compensation
        if total.isInfinite {
            correction = 0
        } else if abs(sum) >= abs(increment) {
            correction += (sum - total) + increment
        } else {
            correction += (increment - total) + sum
        }
        return (total, correction)
    }

    /// The compensated sum of `values`.
    static func kahanSum(_ values: some Sequence<Double>) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values { (sum, compensation) = kahanSumIncrement(value, sum, compensation) }
        return sum + compensation
    }

    /// The mean as `avg_over_time` computes it: a direct compensated sum, switching to an incremental mean once
    /// the sum would overflow.
    static func mean(_ values: [Double]) -> Double {
        guard let first = values.first else { return .nan }
        var sum = first
        var count = 1.0
        var mean = 0.0
        var compensation = 0.0
        var incremental = false
        for (index, value) in values.dropFirst().enumerated() {
            count = Double(index + 2)
            if !incremental {
                let (newSum, newCompensation) = kahanSumIncrement(value, sum, compensation)
                if !newSum.isInfinite {
                    (sum, compensation) = (newSum, newCompensation)
                    continue
                }
                incremental = true
                mean = sum / (count - 1)
                compensation /= count - 1
            }
            let ratio = (count - 1) / count
            (mean, compensation) = kahanSumIncrement(value / count, ratio * mean, ratio * compensation)
        }
        if incremental { return mean + compensation }
        return sum / count + compensation / count
    }

    /// `quantile`: the φ-quantile of `values` by linear interpolation between the closest ranks; NaN sorts first.
    static func quantile(_ phi: Double, _ values: [Double]) -> Double {
        if values.isEmpty || phi.isNaN { return .nan }
        if phi < 0 { return -.infinity }
        if phi > 1 { return .infinity }
        let sorted = values.sorted { ($0.isNaN && !$1.isNaN) || $0 < $1 }
        let count = Double(sorted.count)
        let rank = phi * (count - 1)
        let lowerIndex = Swift.max(0, rank.rounded(.down))
        let upperIndex = Swift.min(count - 1, lowerIndex + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lowerIndex)] * (1 - weight) + sorted[Int(upperIndex)] * weight
    }

    /// Go's `math.Max`: NaN wins, and +0 beats -0.
    static func goMax(_ left: Double, _ right: Double) -> Double {
        if left.isInfinite && left > 0 || right.isInfinite && right > 0 { return .infinity }
        if left.isNaN || right.isNaN { return .nan }
        if left == 0 && right == 0 { return left.sign == .minus ? right : left }
        return left > right ? left : right
    }

    /// Go's `math.Min`: NaN wins, and -0 beats +0.
    static func goMin(_ left: Double, _ right: Double) -> Double {
        if left.isInfinite && left < 0 || right.isInfinite && right < 0 { return -.infinity }
        if left.isNaN || right.isNaN { return .nan }
        if left == 0 && right == 0 { return left.sign == .minus ? left : right }
        return left < right ? left : right
    }
}
