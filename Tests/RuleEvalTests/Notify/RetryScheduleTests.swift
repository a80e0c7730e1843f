import Testing

@testable import RuleEval

@Suite struct RetryScheduleTests {
    /// A random source that always returns the same word: 0 draws the shortest wait, `.max` the longest.
    struct FixedRandom: RandomNumberGenerator {
        var word: UInt64
        mutating func next() -> UInt64 { word }
    }

    @Test func successNeedsNoRetry() {
        var schedule = RetrySchedule(startedAt: 0)
        var random = FixedRandom(word: 0)
        #expect(schedule.record(.response(statusCode: 204), now: 10, using: &random) == .delivered)
    }

    @Test func serverErrorsBackOffExponentiallyWithJitterBounds() {
        var shortest = RetrySchedule(startedAt: 0)
        var longest = RetrySchedule(startedAt: 0)
        var low = FixedRandom(word: 0)
        var high = FixedRandom(word: .max)
        // Intervals 500, 750, 1125, 1687: each wait within ±50%.
        let lowWaits = (0..<4).map { _ in shortest.record(.response(statusCode: 503), now: 0, using: &low) }
        let highWaits = (0..<4).map { _ in longest.record(.networkError("refused"), now: 0, using: &high) }
        #expect(lowWaits == [250, 375, 562, 843].map { RetrySchedule.Action.retry(at: $0) })
        #expect(highWaits == [750, 1125, 1687, 2530].map { RetrySchedule.Action.retry(at: $0) })
    }

    @Test func intervalIsCappedAtSixtySeconds() {
        var policy = RetrySchedule.Policy()
        policy.maxElapsedTime = 3_600_000
        var schedule = RetrySchedule(policy: policy, startedAt: 0)
        var random = FixedRandom(word: 0)
        var last = RetrySchedule.Action.delivered
        for _ in 0..<30 { last = schedule.record(.response(statusCode: 500), now: 0, using: &random) }
        #expect(last == .retry(at: 30_000))
    }

    @Test func clientErrorsAreNotRetried() {
        var schedule = RetrySchedule(startedAt: 0)
        var random = FixedRandom(word: 0)
        #expect(
            schedule.record(.response(statusCode: 404), now: 0, using: &random)
                == .giveUp(reason: "unexpected status code 404 after 1 attempt(s), not retryable"))
    }

    @Test(
        arguments: [
            ("120", 1_000 + 120_000),
            ("Thu, 01 Jan 1970 00:01:00 GMT", 60_000),
            ("soon", 1_000 + 250),
        ] as [(String, Int64)])
    func tooManyRequestsHonoursRetryAfter(header: String, expected: Int64) {
        var schedule = RetrySchedule(startedAt: 0)
        var random = FixedRandom(word: 0)
        #expect(
            schedule.record(.response(statusCode: 429, retryAfter: header), now: 1_000, using: &random)
                == .retry(at: expected))
    }

    @Test func givesUpWhenTheNextTryIsPastTheLimit() {
        var schedule = RetrySchedule(startedAt: 0)
        var random = FixedRandom(word: 0)
        let action = schedule.record(.response(statusCode: 429, retryAfter: "3600"), now: 0, using: &random)
        #expect(action == .giveUp(reason: "gave up after 1 attempt(s): retry time exceeds the 300000ms limit"))
        #expect(
            schedule.record(.networkError("x"), now: 299_900, using: &random)
                == .giveUp(reason: "gave up after 2 attempt(s): retry time exceeds the 300000ms limit"))
    }
}
