/// How far back the in-memory store keeps samples: as far as the loaded rules, the lookback delta and the query
/// API need, never more than `--storage.retention`.
///
/// A selector needs its range (or the lookback delta for an instant selector) plus any positive `offset`; a
/// subquery needs its range and offset plus what its inner expression needs; an `@` modifier can point anywhere,
/// so it needs the upper bound. Samples older than the window are dropped whole chunks at a time.
public struct RetentionPolicy: Sendable, Hashable {
    /// The instant-selector lookback (`--query.lookback-delta`), in milliseconds.
    public var lookbackDelta: Int64
    /// The most the store ever keeps (`--storage.retention`), in milliseconds.
    public var upperBound: Int64
    /// What ad-hoc queries through the HTTP API may read back, in milliseconds.
    public var queryWindow: Int64

    /// Creates a policy.
    public init(lookbackDelta: Int64 = 300_000, upperBound: Int64, queryWindow: Int64 = 3_600_000) {
        self.lookbackDelta = lookbackDelta
        self.upperBound = upperBound
        self.queryWindow = queryWindow
    }

    /// The window to keep for expressions evaluated with the given query offsets (rule groups' `query_offset`).
    public func window(for expressions: [(expression: Expression, queryOffset: Int64)]) -> Int64 {
        var needed = max(queryWindow, lookbackDelta)
        for (expression, queryOffset) in expressions {
            guard let reach = reach(of: expression) else { return upperBound }
            needed = max(needed, reach + max(queryOffset, 0))
        }
        return min(needed, upperBound)
    }

    /// Drops from `store` what the window no longer covers at time `now` (milliseconds).
    public func apply(to store: SampleStore, expressions: [(expression: Expression, queryOffset: Int64)], now: Int64) {
        store.trim(through: now - window(for: expressions))
    }

    /// How far before the evaluation time `expression` reads, or `nil` when an `@` modifier makes it unbounded.
    func reach(of expression: Expression) -> Int64? {
        switch expression {
        case .number, .string:
            return 0
        case .vectorSelector(let selector):
            guard selector.at == nil else { return nil }
            return lookbackDelta + max(selector.offsetMilliseconds, 0)
        case .matrixSelector(let matrix):
            guard matrix.selector.at == nil else { return nil }
            return matrix.rangeMilliseconds + max(matrix.selector.offsetMilliseconds, 0)
        case .subquery(let subquery):
            guard subquery.at == nil, let inner = reach(of: subquery.expression) else { return nil }
            return subquery.rangeMilliseconds + max(subquery.offsetMilliseconds, 0) + inner
        case .call(let call):
            return maximumReach(call.arguments)
        case .aggregation(let aggregation):
            return maximumReach([aggregation.expression] + (aggregation.parameter.map { [$0] } ?? []))
        case .binary(let binary):
            return maximumReach([binary.lhs, binary.rhs])
        case .unary(let unary):
            return reach(of: unary.expression)
        case .parenthesized(let parenthesized):
            return reach(of: parenthesized.expression)
        }
    }

    private func maximumReach(_ expressions: [Expression]) -> Int64? {
        var result: Int64 = 0
        for expression in expressions {
            guard let reach = reach(of: expression) else { return nil }
            result = max(result, reach)
        }
        return result
    }
}
