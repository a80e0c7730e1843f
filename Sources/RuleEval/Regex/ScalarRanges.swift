/// A set of Unicode scalar values as sorted, non-overlapping ranges: the contents of an RE2 character class.
struct ScalarRanges {
    private(set) var ranges: [ClosedRange<UInt32>] = []

    private static let maximumScalar: UInt32 = 0x10FFFF

    /// Creates a set from ranges in any order.
    init(_ ranges: [ClosedRange<UInt32>] = []) {
        for range in ranges { insert(range) }
    }

    /// Adds `range`, merging it with overlapping or adjacent ranges.
    mutating func insert(_ range: ClosedRange<UInt32>) {
        var lower = range.lowerBound
        var upper = range.upperBound
        var merged: [ClosedRange<UInt32>] = []
        var inserted = false
        for existing in ranges {
            if existing.upperBound &+ 1 < lower {
                merged.append(existing)
            } else if upper &+ 1 < existing.lowerBound {
                if !inserted {
                    merged.append(lower...upper)
                    inserted = true
                }
                merged.append(existing)
            } else {
                lower = min(lower, existing.lowerBound)
                upper = max(upper, existing.upperBound)
            }
        }
        if !inserted { merged.append(lower...upper) }
        ranges = merged
    }

    /// Adds every range of `other`.
    mutating func formUnion(_ other: ScalarRanges) {
        for range in other.ranges { insert(range) }
    }

    /// Every scalar value not in the set.
    func inverted() -> ScalarRanges {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= Self.maximumScalar { result.append(next...Self.maximumScalar) }
        return ScalarRanges(result)
    }

    /// The set with every member's simple case-folding orbit added, as RE2 applies `(?i)` to classes.
    func caseFolded() -> ScalarRanges {
        var result = self
        for range in ranges {
            let lower = max(range.lowerBound, SimpleCaseFolding.lowestFoldingScalar)
            let upper = min(range.upperBound, SimpleCaseFolding.highestFoldingScalar)
            guard lower <= upper else { continue }
            for value in lower...upper {
                for member in SimpleCaseFolding.orbit(of: value) where !result.contains(member) {
                    result.insert(member...member)
                }
            }
        }
        return result
    }

    private func contains(_ value: UInt32) -> Bool {
        ranges.contains { $0.contains(value) }
    }

    /// The ranges as the inside of a Swift regex character class (`\x{41}-\x{5a}...`), leaving out the
    /// surrogate code points, which no Unicode scalar can be.
    var classContents: String {
        var text = ""
        for range in ranges {
            for limit in [0...0xD7FF, 0xE000...Self.maximumScalar] where range.overlaps(limit) {
                let piece = range.clamped(to: limit)
                text += "\\x{\(String(piece.lowerBound, radix: 16))}"
                if piece.upperBound > piece.lowerBound { text += "-\\x{\(String(piece.upperBound, radix: 16))}" }
            }
        }
        return text
    }
}
