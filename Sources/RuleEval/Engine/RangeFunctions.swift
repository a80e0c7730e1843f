/// The functions over one range-vector series (`rate`, `deriv`, the `*_over_time` family, ...), as
/// `promql/functions.go` computes them.
enum RangeFunctions {
    /// What a range function sees of one series.
    struct Context {
        var series: RangeSeries
        /// The exclusive start of the selection window in milliseconds.
        var start: Int64
        /// The inclusive end of the selection window in milliseconds.
        var end: Int64
        /// The evaluation time in milliseconds.
        var evaluationTime: Int64
        /// The scalar argument (`predict_linear`'s seconds, `quantile_over_time`'s φ), NaN when there is none.
        var argument: Double

        var values: [Double] { series.values }
        var timestamps: [Int64] { series.timestamps }
    }

    /// A range function: the output value for one series, or nil for no output.
    typealias Transform = @Sendable (Context) -> Double?

    static let transforms: [String: Transform] = [
        "rate": { extrapolatedRate($0, isCounter: true, isRate: true) },
        "increase": { extrapolatedRate($0, isCounter: true, isRate: false) },
        "delta": { extrapolatedRate($0, isCounter: false, isRate: false) },
        "irate": { instantValue($0, isRate: true) },
        "idelta": { instantValue($0, isRate: false) },
        "deriv": { context in
            guard context.values.count >= 2 else { return nil }
            return linearRegression(context, interceptTime: context.timestamps[0]).slope
        },
        "predict_linear": { context in
            guard context.values.count >= 2 else { return nil }
            let (slope, intercept) = linearRegression(context, interceptTime: context.evaluationTime)
            return slope * context.argument + intercept
        },
        "resets": { context in
            Double(zip(context.values, context.values.dropFirst()).filter { $1 < $0 }.count)
        },
        "changes": { context in
            Double(
                zip(context.values, context.values.dropFirst()).filter {
                    !($0 == $1 || ($0.isNaN && $1.isNaN))
                }.count)
        },
        "avg_over_time": { FloatAlgorithms.mean($0.values) },
        "sum_over_time": { FloatAlgorithms.kahanSum($0.values) },
        "count_over_time": { Double($0.values.count) },
        "min_over_time": { context in
            context.values.dropFirst().reduce(context.values[0]) { $1 < $0 || $0.isNaN ? $1 : $0 }
        },
        "max_over_time": { context in
            context.values.dropFirst().reduce(context.values[0]) { $1 > $0 || $0.isNaN ? $1 : $0 }
        },
        "last_over_time": { $0.values.last },
        "present_over_time": { _ in 1 },
        "quantile_over_time": { FloatAlgorithms.quantile($0.argument, $0.values) },
        "stdvar_over_time": { variance($0.values) },
        "stddev_over_time": { variance($0.values).squareRoot() },
    ]

    /// `extrapolatedRate`: the increase between the first and last sample (counter resets added back),
    /// extrapolated towards the window edges by at most half an average sample interval, and for counters never
    /// below zero.
    static func extrapolatedRate(_ context: Context, isCounter: Bool, isRate: Bool) -> Double? {
        let values = context.values
        let timestamps = context.timestamps
        guard values.count >= 2, let firstTime = timestamps.first, let lastTime = timestamps.last else { return nil }
        var result = values[values.count - 1] - values[0]
        if isCounter {
            var previous = 0.0
            for value in values {
                if value < previous { result += previous }
                previous = value
            }
        }
        var durationToStart = Double(firstTime - context.start) / 1000
        var durationToEnd = Double(context.end - lastTime) / 1000
        let sampledInterval = Double(lastTime - firstTime) / 1000
        let averageInterval = sampledInterval / Double(values.count - 1)
        let threshold = averageInterval * 1.1
        if durationToStart >= threshold { durationToStart = averageInterval / 2 }
        if isCounter {
            var durationToZero = durationToStart
            if result > 0 && values[0] >= 0 { durationToZero = sampledInterval * (values[0] / result) }
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        if durationToEnd >= threshold { durationToEnd = averageInterval / 2 }
        var factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval
        if isRate { factor /= Double(context.end - context.start) / 1000 }
        return result * factor
    }

    /// `instantValue`: the difference of the last two samples, per second for `irate` (a drop counts as a reset).
    static func instantValue(_ context: Context, isRate: Bool) -> Double? {
        let values = context.values
        guard values.count >= 2 else { return nil }
        let last = values[values.count - 1]
        let previous = values[values.count - 2]
        var result = last - previous
        if isRate && last < previous { result = last }
        let interval = context.timestamps[values.count - 1] - context.timestamps[values.count - 2]
        guard interval != 0 else { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }

    /// `linearRegression`: least squares with compensated sums; a constant series has slope 0.
    static func linearRegression(_ context: Context, interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var count = 0.0
        var (sumX, compensationX) = (0.0, 0.0)
        var (sumY, compensationY) = (0.0, 0.0)
        var (sumXY, compensationXY) = (0.0, 0.0)
        var (sumX2, compensationX2) = (0.0, 0.0)
        let initial = context.values[0]
        var constant = true
        for (index, (timestamp, value)) in zip(context.timestamps, context.values).enumerated() {
            if constant && index > 0 && value != initial { constant = false }
            count += 1
            let x = Double(timestamp - interceptTime) / 1e3
            (sumX, compensationX) = FloatAlgorithms.kahanSumIncrement(x, sumX, compensationX)
            (sumY, compensationY) = FloatAlgorithms.kahanSumIncrement(value, sumY, compensationY)
            (sumXY, compensationXY) = FloatAlgorithms.kahanSumIncrement(x * value, sumXY, compensationXY)
            (sumX2, compensationX2) = FloatAlgorithms.kahanSumIncrement(x * x, sumX2, compensationX2)
        }
        if constant {
            if initial.isInfinite { return (.nan, .nan) }
            return (0, initial)
        }
        sumX += compensationX
        sumY += compensationY
        sumXY += compensationXY
        sumX2 += compensationX2
        let covariance = sumXY - sumX * sumY / count
        let varianceX = sumX2 - sumX * sumX / count
        let slope = covariance / varianceX
        return (slope, sumY / count - slope * sumX / count)
    }

    /// The population variance by Welford's method with compensated sums, as `stdvar_over_time` computes it.
    static func variance(_ values: [Double]) -> Double {
        var count = 0.0
        var (mean, compensationMean) = (0.0, 0.0)
        var (auxiliary, compensationAuxiliary) = (0.0, 0.0)
        for value in values {
            count += 1
            let delta = value - (mean + compensationMean)
            (mean, compensationMean) = FloatAlgorithms.kahanSumIncrement(delta / count, mean, compensationMean)
            (auxiliary, compensationAuxiliary) = FloatAlgorithms.kahanSumIncrement(
                delta * (value - (mean + compensationMean)), auxiliary, compensationAuxiliary)
        }
        return (auxiliary + compensationAuxiliary) / count
    }
}
