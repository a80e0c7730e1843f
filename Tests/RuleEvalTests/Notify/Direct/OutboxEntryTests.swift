import Testing

@testable import RuleEval

/// The outbox entry and notification log files: what is written reads back the same, and damaged documents are
/// rejected instead of trusted.
@Suite struct OutboxEntryTests {
    static let entry = OutboxEntry(
        id: "000001700000000-000000001-0123456789abcdef", receiver: "team",
        integration: Notification.Integration(kind: .pagerduty, index: 2), idempotencyKey: "k",
        url: "http://127.0.0.1:9/x", payload: Array("{\"a\":\"é\\n\"}\n".utf8), groupKey: "{}:{alertname=\"A\"}",
        firing: [LabelSetFingerprint(value: 0xdead_beef), LabelSetFingerprint(value: 1)],
        resolved: [LabelSetFingerprint(value: 0xffff_ffff_ffff_ffff)], repeatInterval: 14_400_000,
        createdAt: 1_700_000_000_000)

    @Test func entryRoundTrips() {
        #expect(OutboxEntry(decoding: Self.entry.encoded) == Self.entry)
    }

    /// Secret files are kept by path (the secret itself never reaches the outbox) and read back.
    @Test func secretFilePathsRoundTrip() {
        var entry = Self.entry
        entry.urlFile = "/run/secrets/url"
        entry.routingKeyFile = "/run/secrets/key"
        #expect(OutboxEntry(decoding: entry.encoded) == entry)
        #expect(OutboxEntry(decoding: Self.entry.encoded)?.urlFile == nil)
    }

    @Test(arguments: [
        "", "{}", "[1]", "{\"id\":\"x\"}",
        String(decoding: Self.entry.encoded, as: UTF8.self).replacingOccurrences(
            of: "\"index\":2", with: "\"index\":1e300"),
        String(decoding: Self.entry.encoded, as: UTF8.self).replacingOccurrences(
            of: "\"integration\":\"pagerduty\"", with: "\"integration\":\"sms\""),
    ])
    func damagedEntriesAreRejected(text: String) {
        #expect(OutboxEntry(decoding: Array(text.utf8)) == nil)
    }

    @Test func notificationLogRoundTrips() {
        var log = NotificationLog()
        let key = NotificationLog.Key(
            groupKey: "{}:{}", receiver: "team", integration: Notification.Integration(kind: .email, index: 0))
        log.log(key, firing: [LabelSetFingerprint(value: 7)], resolved: [], repeatInterval: 60_000, now: 1000)
        let restored = NotificationLog(decoding: log.encoded)
        #expect(restored?.entries == log.entries)
        #expect(NotificationLog(decoding: Array("[{\"groupKey\":1}]".utf8)) == nil)
    }
}
