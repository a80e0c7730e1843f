extension Histogram {
    /// `count` buckets, each `width` wide, the lowest upper bound being `start`: `start`, `start + width`, ...
    ///
    /// As in client_golang, `count` must be at least 1; anything else is a programming error and stops the process
    /// with a precondition failure. The `+Inf` bucket is not included (histograms always add it).
    public static func linearBuckets(start: Double, width: Double, count: Int) -> [Double] {
        precondition(count >= 1, "linearBuckets needs a positive count, got \(count)")
        return bounds(count: count, start: start) { $0 + width }
    }

    /// `count` buckets where the lowest upper bound is `start` and each next one is `factor` times the previous.
    ///
    /// As in client_golang, `count` must be at least 1, `start` positive and `factor` greater than 1; anything else
    /// is a programming error and stops the process with a precondition failure. The `+Inf` bucket is not
    /// included (histograms always add it).
    public static func exponentialBuckets(start: Double, factor: Double, count: Int) -> [Double] {
        precondition(count >= 1, "exponentialBuckets needs a positive count, got \(count)")
        precondition(start > 0, "exponentialBuckets needs a positive start value, got \(start)")
        precondition(factor > 1, "exponentialBuckets needs a factor greater than 1, got \(factor)")
        return bounds(count: count, start: start) { $0 * factor }
    }

    /// `count` bounds from `start`, each made from the previous by `next`; accumulating step by step (rather than
    /// computing `start + i * width`) gives the same floating-point bounds as client_golang.
    private static func bounds(count: Int, start: Double, next: (Double) -> Double) -> [Double] {
        var bounds: [Double] = []
        bounds.reserveCapacity(count)
        var bound = start
        for _ in 0..<count {
            bounds.append(bound)
            bound = next(bound)
        }
        return bounds
    }
}
