import PromText
import Testing

@testable import RuleEval

@Suite struct DispatcherTests {
    private let second: Int64 = 1000
    private let minute: Int64 = 60_000

    private func dispatcher(
        groupBy: [String] = ["alertname"],
        sendResolved: Bool = true,
        inhibitRules: [InhibitRuleConfiguration] = []
    ) throws -> Dispatcher {
        try Dispatcher(
            configuration: NotifyConfiguration(
                route: RouteConfiguration(
                    receiver: "team", groupBy: groupBy, groupWait: .seconds(30), groupInterval: .seconds(300),
                    repeatInterval: .seconds(3600)),
                receivers: [
                    ReceiverConfiguration(
                        name: "team",
                        webhookConfigs: [WebhookConfiguration(url: "http://x", sendResolved: sendResolved)])
                ],
                inhibitRules: inhibitRules))
    }

    private func alert(_ labels: Labels, startsAt: Int64 = 0, endsAt: Int64? = nil) -> NotifierAlert {
        NotifierAlert(labels: labels, startsAt: startsAt, endsAt: endsAt)
    }

    /// Ticks at `now` and reports every notification delivered successfully.
    private func deliver(_ dispatcher: inout Dispatcher, at now: Int64) -> [Notification] {
        let notifications = dispatcher.tick(now: now)
        for notification in notifications { dispatcher.recordDelivery(of: notification, succeeded: true, now: now) }
        return notifications
    }

    @Test func firstNotificationWaitsForGroupWaitAndCollectsTheGroup() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down", "instance": "b"], startsAt: 0, endsAt: 10 * minute), now: 0)
        #expect(dispatcher.nextDeadline == 30 * second)
        #expect(deliver(&dispatcher, at: 29 * second).isEmpty)
        dispatcher.insert(
            alert(["alertname": "Down", "instance": "a"], startsAt: 10 * second, endsAt: 10 * minute), now: 10 * second)
        let notifications = deliver(&dispatcher, at: 30 * second)
        #expect(notifications.count == 1)
        #expect(notifications.first?.groupKey == "{}:{alertname=\"Down\"}")
        #expect(notifications.first?.alerts.map { $0.labels["instance"] } == ["a", "b"])
        #expect(notifications.first?.alerts.allSatisfy { $0.endsAt == nil } == true)
        #expect(notifications.first?.status == .firing)
        #expect(dispatcher.nextDeadline == 30 * second + 5 * minute)
    }

    @Test func oldAlertFlushesAtOnce() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], startsAt: 0, endsAt: 10 * minute), now: 31 * second)
        #expect(dispatcher.nextDeadline == 31 * second)
        #expect(deliver(&dispatcher, at: 31 * second).count == 1)
    }

    @Test func newFiringAlertIsSentAtTheNextGroupInterval() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down", "instance": "a"], endsAt: 60 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).count == 1)
        dispatcher.insert(
            alert(["alertname": "Down", "instance": "b"], startsAt: minute, endsAt: 60 * minute), now: minute)
        #expect(dispatcher.nextDeadline == 30 * second + 5 * minute)
        let second = deliver(&dispatcher, at: 30 * self.second + 5 * minute)
        #expect(second.first?.alerts.count == 2)
    }

    @Test func unchangedGroupRepeatsOnlyAfterRepeatInterval() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 300 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).count == 1)
        var sent: [Int64] = []
        var now = 30 * second
        for _ in 0..<14 {
            now += 5 * minute
            if !deliver(&dispatcher, at: now).isEmpty { sent.append(now) }
        }
        // Logged at 0:30; the flush at 60:30 is not strictly after the hour, the one at 65:30 is.
        #expect(sent == [30 * second + 65 * minute])
    }

    @Test func resolvedAlertIsSentWhenSendResolvedAndThenRemoved() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 60 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).count == 1)
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 2 * minute), now: 2 * minute)
        let resolved = deliver(&dispatcher, at: 30 * second + 5 * minute)
        #expect(resolved.first?.status == .resolved)
        #expect(resolved.first?.alerts.first?.endsAt == 2 * minute)
        #expect(deliver(&dispatcher, at: 30 * second + 10 * minute).isEmpty)
        #expect(dispatcher.groups.isEmpty)
    }

    @Test func withoutSendResolvedTheResolutionIsOnlyLogged() throws {
        var dispatcher = try dispatcher(sendResolved: false)
        dispatcher.insert(alert(["alertname": "Down", "i": "1"], endsAt: 60 * minute), now: 0)
        dispatcher.insert(alert(["alertname": "Down", "i": "2"], endsAt: 60 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).first?.alerts.count == 2)
        dispatcher.insert(alert(["alertname": "Down", "i": "2"], endsAt: minute), now: minute)
        // One alert still fires and nothing new fires: no notification until the repeat interval.
        #expect(deliver(&dispatcher, at: 30 * second + 5 * minute).isEmpty)
        dispatcher.insert(alert(["alertname": "Down", "i": "1"], endsAt: 6 * minute), now: 6 * minute)
        // Everything resolved: logged without sending, group emptied.
        #expect(deliver(&dispatcher, at: 30 * second + 10 * minute).isEmpty)
        #expect(dispatcher.groups.isEmpty)
        // A new firing alert in the same group is news again.
        dispatcher.insert(
            alert(["alertname": "Down", "i": "1"], startsAt: 11 * minute, endsAt: 60 * minute), now: 11 * minute)
        #expect(deliver(&dispatcher, at: 11 * minute + 30 * second).count == 1)
    }

    @Test func failedDeliveryIsRetriedAtTheNextFlush() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 60 * minute), now: 0)
        let first = dispatcher.tick(now: 30 * second)
        #expect(first.count == 1)
        for notification in first { dispatcher.recordDelivery(of: notification, succeeded: false, now: 30 * second) }
        #expect(deliver(&dispatcher, at: 30 * second + 5 * minute).count == 1)
    }

    @Test func failedResolvedDeliveryKeepsTheResolvedAlert() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 60 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).count == 1)
        dispatcher.insert(alert(["alertname": "Down"], endsAt: minute), now: minute)
        let failed = dispatcher.tick(now: 30 * second + 5 * minute)
        #expect(failed.first?.status == .resolved)
        for notification in failed {
            dispatcher.recordDelivery(of: notification, succeeded: false, now: 30 * second + 5 * minute)
        }
        let retried = deliver(&dispatcher, at: 30 * second + 10 * minute)
        #expect(retried.first?.status == .resolved)
        #expect(dispatcher.tick(now: 30 * second + 15 * minute).isEmpty)
        #expect(dispatcher.groups.isEmpty)
    }

    @Test func groupByAllMakesOneGroupPerAlert() throws {
        var dispatcher = try dispatcher(groupBy: ["..."])
        dispatcher.insert(alert(["alertname": "Down", "instance": "a"], endsAt: minute), now: 0)
        dispatcher.insert(alert(["alertname": "Down", "instance": "b"], endsAt: minute), now: 0)
        let keys = deliver(&dispatcher, at: 30 * second).map(\.groupKey)
        #expect(keys == ["{}:{alertname=\"Down\", instance=\"a\"}", "{}:{alertname=\"Down\", instance=\"b\"}"])
    }

    @Test func alertWithoutEndsAtGetsTheResolveTimeout() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"]), now: 0)
        #expect(dispatcher.groups.values.first?.alerts.values.first?.endsAt == 5 * minute)
    }

    @Test func resentAlertKeepsItsEarliestStartAndLatestExplicitEnd() throws {
        var dispatcher = try dispatcher()
        dispatcher.insert(alert(["alertname": "Down"], startsAt: 0, endsAt: 4 * minute), now: 0)
        dispatcher.insert(alert(["alertname": "Down"], startsAt: minute, endsAt: 3 * minute), now: minute)
        let stored = dispatcher.groups.values.first?.alerts.values.first
        #expect(stored?.startsAt == 0)
        #expect(stored?.endsAt == 4 * minute)
        // A resolution (end not after now) replaces the firing end.
        dispatcher.insert(alert(["alertname": "Down"], startsAt: 0, endsAt: 2 * minute), now: 2 * minute)
        #expect(dispatcher.groups.values.first?.alerts.values.first?.endsAt == 2 * minute)
    }

    @Test func inhibitedAlertsAreNotSent() throws {
        var dispatcher = try dispatcher(
            inhibitRules: [
                InhibitRuleConfiguration(
                    sourceMatchers: ["severity=critical"], targetMatchers: ["severity=warning"], equal: ["cluster"])
            ])
        dispatcher.insert(alert(["alertname": "A", "severity": "critical", "cluster": "x"], endsAt: minute), now: 0)
        dispatcher.insert(alert(["alertname": "B", "severity": "warning", "cluster": "x"], endsAt: minute), now: 0)
        dispatcher.insert(alert(["alertname": "C", "severity": "warning", "cluster": "y"], endsAt: minute), now: 0)
        let keys = deliver(&dispatcher, at: 30 * second).map(\.groupKey)
        #expect(keys == ["{}:{alertname=\"A\"}", "{}:{alertname=\"C\"}"])
    }

    @Test func silencedAlertsAreNotSent() throws {
        var dispatcher = try dispatcher()
        var generator = SplitMix(seed: 1)
        _ = try dispatcher.silences.set(
            Silence(
                matchers: [Silence.Matcher(name: "alertname", value: "Down")], startsAt: 0, endsAt: 10 * minute,
                createdBy: "me", comment: "maintenance"),
            now: 0, using: &generator)
        dispatcher.insert(alert(["alertname": "Down"], endsAt: 60 * minute), now: 0)
        #expect(deliver(&dispatcher, at: 30 * second).isEmpty)
        // After the silence ends, the still-firing alert is news.
        #expect(deliver(&dispatcher, at: 30 * second + 10 * minute).count == 1)
    }

    @Test func requestsUseTheIntegrationURLAndPayload() throws {
        var global = NotifyGlobalConfiguration()
        global.slackAPIURL = "https://hooks.slack.example/T0"
        global.externalURL = "http://am"
        var dispatcher = try Dispatcher(
            configuration: NotifyConfiguration(
                global: global, route: RouteConfiguration(receiver: "team"),
                receivers: [
                    ReceiverConfiguration(
                        name: "team", webhookConfigs: [WebhookConfiguration(url: "http://hook")],
                        slackConfigs: [SlackConfiguration(channel: "ops")],
                        pagerdutyConfigs: [PagerDutyConfiguration(routingKey: "k")])
                ]))
        dispatcher.insert(alert(["alertname": "Down"], endsAt: minute), now: 0)
        let requests = dispatcher.tick(now: 30 * second).compactMap { try? dispatcher.request(for: $0) }
        #expect(
            requests.map(\.url) == [
                "http://hook", "https://hooks.slack.example/T0", "https://events.pagerduty.com/v2/enqueue",
            ])
        let webhook = try JSONParser.parse(try #require(requests.first).body)
        #expect(webhook["externalURL"] == .string("http://am"))
        #expect(Set(requests.map(\.idempotencyKey)).count == 3)
    }

    @Test func unknownReceiverIsRejected() {
        #expect(throws: NotifyConfigurationError("undefined receiver \"nobody\" used in route")) {
            try Dispatcher(
                configuration: NotifyConfiguration(route: RouteConfiguration(receiver: "nobody"), receivers: []))
        }
    }
}

/// A deterministic random source for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
