import Dispatch
import Exporter
import Glibc
import PromText
import Synchronization

/// Alertmanager's job for small setups without one: routes, groups, inhibits, silences and deduplicates the
/// alerts the evaluator sends (the pure ``Dispatcher``) on real time, and delivers the notifications through
/// webhooks, Slack, PagerDuty and email.
///
/// Delivery is at-least-once through a durable outbox under the storage path (`<path>/outbox/`): each
/// notification is written there atomically before its first attempt and removed once delivered or given up, and
/// entries left by a crash are delivered on the next start. Every notification carries a stable idempotency key
/// (``Notification/idempotencyKey``) in an `Idempotency-Key` header (email: in the `Message-Id`), so a receiver
/// can drop the duplicate a crash between delivery and removal may cause. The notification log (what was sent
/// per group and when) is saved to `<path>/notification-log.json` at most a second after a delivery and at
/// ``stop(drainingFor:)``, so repeat intervals survive restarts (a crash within that second may repeat the
/// last notifications, with their idempotency keys).
///
/// Retries follow ``RetrySchedule`` (exponential backoff with jitter on network errors, 429 with `Retry-After`,
/// 5xx; no retry on other 4xx, whose answer is logged). Each receiver integration has its own delivery thread,
/// and each attempt is bounded by ``Options/requestTimeout``, so a hanging receiver delays only itself.
/// HTTP goes over plain TCP, or TLS for `https://` URLs with the integration's `http_config.tls_config`.
///
/// Call ``send(_:)`` with the alerts of every evaluation, and ``stop(drainingFor:)`` before dropping it.
public final class DirectDispatcher: Collector {
    /// Tuning that has no place in `alertmanager.yml`.
    public struct Options: Sendable {
        /// The Alertmanager URL payloads link to (`externalURL`, `title_link`...); empty by default.
        public var externalURL = ""
        /// Each delivery attempt (HTTP request or SMTP session) must finish within this time.
        public var requestTimeout: Duration = .seconds(10)
        /// The retry backoff.
        public var retryPolicy = RetrySchedule.Policy()
        /// Where delivery problems are logged.
        public var logger = Logger()
        /// The current silences, read before every flush (`{ silenceAPI.store }`); `nil`: no silences.
        public var silences: (@Sendable () -> SilenceStore)?
        /// The wall clock in milliseconds since the epoch (alert times are wall-clock times).
        public var now: @Sendable () -> Int64 = DirectDispatcher.wallClockMilliseconds

        /// The defaults.
        public init() {}
    }

    private struct State {
        var dispatcher: Dispatcher
        /// The notifications each outbox entry delivers, by entry ID, to report the outcome to the dispatcher:
        /// the one it was made for, plus later identical flushes of the same group (same destination and
        /// idempotency key) that were folded into it instead of queued again. Empty for recovered entries.
        var inFlight: [String: [Notification]] = [:]
        /// The entry ID delivering each destination and idempotency key.
        var inFlightByKey: [String: String] = [:]
        var workers: [String: DeliveryWorker] = [:]
        var stopped = false
        var sequence = 0
        /// Whether the notification log changed since it was last saved.
        var notificationLogChanged = false
    }

    private let state: Mutex<State>
    private let outbox: Outbox
    private let notificationLogPath: String
    private let notificationLogSaving = Mutex(())
    private let options: Options
    private let metrics = DirectDispatchMetrics()
    private let wakeScheduler = DispatchSemaphore(value: 0)
    private let schedulerFinished = DispatchSemaphore(value: 0)

    /// Loads `alertmanager.yml` from `configurationFile` and starts dispatching with state under `storagePath`.
    public convenience init(
        configurationFile: String, storagePath: String, options: Options = Options()
    ) throws(DirectDispatcherError) {
        let configuration: NotifyConfiguration
        do {
            configuration = try NotifyConfiguration.load(fileAt: configurationFile)
        } catch {
            throw DirectDispatcherError(description: error.description)
        }
        try self.init(configuration: configuration, storagePath: storagePath, options: options)
    }

    /// Starts dispatching `configuration` with the outbox and notification log under `storagePath`; entries a
    /// previous run left in the outbox are queued for delivery at once.
    public init(
        configuration: NotifyConfiguration, storagePath: String, options: Options = Options()
    ) throws(DirectDispatcherError) {
        var configuration = configuration
        configuration.global.externalURL = options.externalURL
        var dispatcher: Dispatcher
        do {
            dispatcher = try Dispatcher(configuration: configuration)
        } catch {
            throw DirectDispatcherError(description: error.description)
        }
        notificationLogPath = storagePath + "/notification-log.json"
        let savedLog: [UInt8]?
        do throws(AtomicFile.Failure) {
            outbox = try Outbox(directory: storagePath + "/outbox")
            savedLog = try AtomicFile.read(notificationLogPath)
        } catch {
            throw DirectDispatcherError(description: error.description)
        }
        if let savedLog {
            guard let log = NotificationLog(decoding: savedLog) else {
                throw DirectDispatcherError(description: "\(notificationLogPath): not a notification log")
            }
            dispatcher.notificationLog = log
        }
        self.options = options
        self.state = Mutex(State(dispatcher: dispatcher))
        let (pending, unreadable) = outbox.pending()
        for file in unreadable { options.logger.warn("Ignoring unreadable outbox file", ["file": file]) }
        if !pending.isEmpty {
            options.logger.info("Re-sending notifications left in the outbox", ["count": String(pending.count)])
        }
        state.withLock { state in
            for entry in pending { state.inFlightByKey[entry.destination + "/" + entry.idempotencyKey] = entry.id }
        }
        for entry in pending { worker(for: entry).enqueue(entry) }
        BackgroundThread.start { [self] in runScheduler() }
    }

    /// Takes in the alerts of one evaluation (firing ones, and resolved ones with `endsAt` set), as the
    /// Alertmanager API does; ignored after ``stop(drainingFor:)``.
    public func send(_ alerts: [NotifierAlert]) {
        let now = options.now()
        let accepted = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            for alert in alerts { state.dispatcher.insert(alert, now: now) }
            return true
        }
        if accepted { wakeScheduler.signal() }
    }

    /// Takes in alerts as the evaluator builds them for Alertmanager, after adding `externalLabels` and applying
    /// `relabelConfigs` exactly as ``AlertmanagerNotifier/send(_:)`` does (`alerting.alert_relabel_configs`); an
    /// `endsAt` of 0 means "not set".
    public func send(
        _ alerts: [AlertmanagerAlert], externalLabels: Labels, relabelConfigs: [RelabelConfiguration] = []
    ) {
        send(
            alerts.compactMap { $0.prepared(externalLabels: externalLabels, relabelConfigs: relabelConfigs) }.map {
                NotifierAlert(
                    labels: $0.labels, annotations: $0.annotations, startsAt: $0.startsAt,
                    endsAt: $0.endsAt == 0 ? nil : $0.endsAt, generatorURL: $0.generatorURL)
            })
    }

    /// How many notifications wait in the outbox (queued, being delivered or retried).
    public var outboxLength: Int { outbox.length }

    /// Stops flushing groups and gives the delivery threads up to `drainTimeout` to deliver what is queued;
    /// whatever is not delivered by then stays in the outbox for the next start. Returns when the threads have
    /// finished or the time is up.
    public func stop(drainingFor drainTimeout: Duration) {
        let deadline = ContinuousClock.now + drainTimeout
        let workers = state.withLock { state -> [DeliveryWorker] in
            state.stopped = true
            return Array(state.workers.values)
        }
        wakeScheduler.signal()
        _ = schedulerFinished.wait(timeout: .now() + .seconds(1))
        for worker in workers { worker.stop(at: deadline) }
        for worker in workers {
            let remaining = (deadline - .now).components
            let nanoseconds = max(0, remaining.seconds * 1_000_000_000 + remaining.attoseconds / 1_000_000_000)
            _ = worker.finished.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds)))
        }
        saveNotificationLogIfChanged()
    }

    /// The dispatch metrics.
    public func collect() -> [MetricFamily] {
        metrics.collect(outboxCount: outbox.length)
    }

    /// The system's wall clock in milliseconds since the epoch.
    @Sendable public static func wallClockMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    // MARK: - Scheduling

    /// Flushes due groups, writes their notifications to the outbox and hands them to the delivery threads,
    /// then sleeps until the next group is due (at most a second) or ``send(_:)`` wakes it.
    private func runScheduler() {
        while true {
            let silences = options.silences?()
            let now = options.now()
            let flushed = state.withLock { state -> (entries: [OutboxEntry], next: Int64?)? in
                guard !state.stopped else { return nil }
                if let silences { state.dispatcher.silences = silences }
                let notifications = state.dispatcher.tick(now: now)
                var entries: [OutboxEntry] = []
                for notification in notifications {
                    state.sequence += 1
                    let rendered: OutboxEntry?
                    do throws(TemplateError) {
                        rendered = try Self.entry(for: notification, in: state.dispatcher, sequence: state.sequence)
                    } catch {
                        // Alertmanager fails the notification without retrying; the next flush tries again.
                        options.logger.error(
                            "Notify for alerts failed",
                            [
                                "receiver": notification.receiver,
                                "integration": notification.integration.description, "err": error.description,
                            ])
                        metrics.failed.labels(notification.integration.kind.rawValue).increment()
                        continue
                    }
                    guard let entry = rendered else {
                        options.logger.error(
                            "Notification has no destination",
                            ["receiver": notification.receiver, "integration": notification.integration.description])
                        continue
                    }
                    let key = entry.destination + "/" + entry.idempotencyKey
                    if let pending = state.inFlightByKey[key] {
                        state.inFlight[pending, default: []].append(notification)
                        continue
                    }
                    state.inFlightByKey[key] = entry.id
                    state.inFlight[entry.id] = [notification]
                    entries.append(entry)
                }
                return (entries, state.dispatcher.nextDeadline)
            }
            guard let flushed else { break }
            for entry in flushed.entries { deliverLater(entry) }
            saveNotificationLogIfChanged()
            let wait = min(1000, max(0, (flushed.next ?? now + 1000) - options.now()))
            if wait > 0 { _ = wakeScheduler.wait(timeout: .now() + .milliseconds(Int(wait))) }
        }
        schedulerFinished.signal()
    }

    /// Writes `entry` to the outbox, then queues it on its integration's thread.
    private func deliverLater(_ entry: OutboxEntry) {
        do {
            try outbox.add(entry)
        } catch {
            options.logger.error(
                "Cannot write notification to the outbox; delivering it without crash protection",
                ["err": error.description])
        }
        worker(for: entry).enqueue(entry)
    }

    /// The delivery thread of the entry's receiver integration, started on first use.
    private func worker(for entry: OutboxEntry) -> DeliveryWorker {
        state.withLock { state in
            if let worker = state.workers[entry.destination] { return worker }
            let worker = DeliveryWorker { [self] entry, worker in deliver(entry, on: worker) }
            state.workers[entry.destination] = worker
            return worker
        }
    }

    /// The outbox entry for `notification`: the rendered payload and its notification-log record.
    private static func entry(for notification: Notification, in dispatcher: Dispatcher, sequence: Int)
        throws(TemplateError) -> OutboxEntry?
    {
        let url: String
        let payload: [UInt8]
        var secretFiles: (url: String?, routingKey: String?) = (nil, nil)
        if notification.integration.kind == .email {
            guard let receiver = dispatcher.receiver(named: notification.receiver),
                receiver.emailConfigs.indices.contains(notification.integration.index)
            else { return nil }
            url = ""
            payload = try EmailMessage.render(
                notification, configuration: receiver.emailConfigs[notification.integration.index],
                externalURL: dispatcher.global.externalURL, now: notification.flushedAt)
        } else {
            guard let request = try dispatcher.request(for: notification) else { return nil }
            url = request.url
            payload = request.body
            secretFiles = (request.urlFile, request.routingKeyFile)
        }
        let repeatInterval =
            dispatcher.groups.values.first { $0.route.id == notification.routeID }?.route.repeatInterval ?? 0
        let timestamp = String(notification.flushedAt)
        let sequenceText = String(sequence)
        let id =
            String(repeating: "0", count: max(0, 15 - timestamp.count)) + timestamp + "-"
            + String(repeating: "0", count: max(0, 9 - sequenceText.count)) + sequenceText + "-"
            + notification.idempotencyKey.prefix(16)
        var entry = OutboxEntry(
            id: id, receiver: notification.receiver, integration: notification.integration,
            idempotencyKey: notification.idempotencyKey, url: url, payload: payload, groupKey: notification.groupKey,
            firing: notification.firing, resolved: notification.resolved, repeatInterval: repeatInterval,
            createdAt: notification.flushedAt)
        (entry.urlFile, entry.routingKeyFile) = secretFiles
        return entry
    }

    // MARK: - Delivery

    /// Delivers one entry with retries, on its integration's thread. Returns early, leaving the entry in the
    /// outbox, when the worker is stopped between attempts.
    private func deliver(_ entry: OutboxEntry, on worker: DeliveryWorker) {
        var schedule = RetrySchedule(policy: options.retryPolicy, startedAt: options.now())
        var generator = SystemRandomNumberGenerator()
        let kind = entry.integration.kind.rawValue
        while true {
            let begin = ContinuousClock.now
            let attempt = self.attempt(entry)
            let elapsed = (ContinuousClock.now - begin).components
            metrics.requests.labels(kind).increment()
            metrics.latency.labels(kind).observe(
                Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
            let action: RetrySchedule.Action
            if let permanent = attempt.permanentFailure {
                action = .giveUp(reason: permanent)
            } else {
                action = schedule.record(attempt.outcome, now: options.now(), using: &generator)
            }
            switch action {
            case .delivered:
                finish(entry, succeeded: true)
                return
            case .giveUp(let reason):
                options.logger.error(
                    "Notify for alerts failed",
                    [
                        "receiver": entry.receiver, "integration": entry.integration.description, "err": reason,
                        "answer": attempt.answer,
                    ])
                finish(entry, succeeded: false)
                return
            case .retry(let at):
                options.logger.warn(
                    "Notify attempt failed, will retry",
                    [
                        "receiver": entry.receiver, "integration": entry.integration.description,
                        "attempts": String(schedule.attempts), "answer": attempt.answer,
                    ])
                guard worker.sleep(forMilliseconds: at - options.now()) else { return }
            }
        }
    }

    /// The result of one delivery attempt.
    private struct Attempt {
        var outcome: RetrySchedule.Outcome
        /// Set when retrying cannot help (a rejected email, a destination that no longer exists).
        var permanentFailure: String?
        /// What the receiver answered (status and the start of the body, or the error), for the log.
        var answer: String
    }

    private func attempt(_ entry: OutboxEntry) -> Attempt {
        guard entry.integration.kind != .email else { return attemptEmail(entry) }
        var target = entry.url
        var payload = entry.payload
        do throws(SecretFileError) {
            if let file = entry.urlFile { target = try SecretFile.read(file) }
            if let file = entry.routingKeyFile {
                payload = PagerDutyPayload.replacingRoutingKey(in: payload, with: try SecretFile.read(file))
            }
        } catch {
            // Retried: the file may be written (or fixed) before the notification is given up.
            return Attempt(outcome: .networkError(error.message), answer: error.message)
        }
        guard let url = HTTPURL(target) else {
            let shown = entry.urlFile.map { "the URL in \($0)" } ?? target
            let reason = "cannot send to \(shown): only http:// and https:// URLs are supported"
            return Attempt(outcome: .networkError(reason), permanentFailure: reason, answer: "")
        }
        let tlsConfig = state.withLock { state in
            state.dispatcher.receiver(named: entry.receiver)?.tlsConfig(of: entry.integration)
        }
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", "User-Agent": "tocsin-ruleeval/\(BuildInfo.version)",
            "Idempotency-Key": entry.idempotencyKey,
        ]
        do {
            let client = HTTPClient(
                timeout: options.requestTimeout, maximumBodySize: 1 << 20,
                transport: TLSTransport.forScheme(url.scheme, configuration: tlsConfig ?? TLSConfiguration()))
            let response = try client.send(
                .post, host: url.host, port: url.port, target: url.target, headers: headers, body: payload)
            let body = String(decoding: response.body.prefix(512), as: UTF8.self)
            return Attempt(
                outcome: .response(statusCode: response.status, retryAfter: response.headers["Retry-After"]),
                answer: "\(response.status) \(body)")
        } catch {
            return Attempt(outcome: .networkError(error.description), answer: error.description)
        }
    }

    private func attemptEmail(_ entry: OutboxEntry) -> Attempt {
        let configuration = state.withLock { state in
            state.dispatcher.receiver(named: entry.receiver)?.emailConfigs
                .dropFirst(entry.integration.index).first
        }
        guard var configuration else {
            let reason = "receiver \(entry.receiver) has no \(entry.integration) any more"
            return Attempt(outcome: .networkError(reason), permanentFailure: reason, answer: "")
        }
        if let file = configuration.authPasswordFile {
            do throws(SecretFileError) {
                configuration.authPassword = try SecretFile.read(file)
            } catch {
                return Attempt(outcome: .networkError(error.message), answer: error.message)
            }
        }
        do {
            try SMTPClient(timeout: options.requestTimeout).send(entry.payload, to: configuration)
            return Attempt(outcome: .response(statusCode: 200), answer: "250")
        } catch {
            return Attempt(
                outcome: .networkError(error.message), permanentFailure: error.isPermanent ? error.message : nil,
                answer: error.message)
        }
    }

    /// Removes a finished entry from the outbox and reports the outcome of every notification it delivered to
    /// the dispatcher (which logs a success in the notification log, saved to disk).
    private func finish(_ entry: OutboxEntry, succeeded: Bool) {
        outbox.remove(entry)
        (succeeded ? metrics.sent : metrics.failed).labels(entry.integration.kind.rawValue).increment()
        let now = options.now()
        state.withLock { state in
            state.inFlightByKey[entry.destination + "/" + entry.idempotencyKey] = nil
            let notifications = state.inFlight.removeValue(forKey: entry.id) ?? []
            for notification in notifications {
                state.dispatcher.recordDelivery(of: notification, succeeded: succeeded, now: now)
            }
            state.notificationLogChanged = state.notificationLogChanged || succeeded
            if notifications.isEmpty, succeeded {
                state.dispatcher.notificationLog.log(
                    NotificationLog.Key(
                        groupKey: entry.groupKey, receiver: entry.receiver, integration: entry.integration),
                    firing: entry.firing, resolved: entry.resolved, repeatInterval: entry.repeatInterval, now: now)
            }
        }
        if succeeded { wakeScheduler.signal() }
    }

    /// Writes the notification log when it changed (by the scheduler after each loop, and by ``stop``).
    private func saveNotificationLogIfChanged() {
        notificationLogSaving.withLock { _ in
            let bytes = state.withLock { state -> [UInt8]? in
                guard state.notificationLogChanged else { return nil }
                state.notificationLogChanged = false
                return state.dispatcher.notificationLog.encoded
            }
            guard let bytes else { return }
            do {
                try AtomicFile.write(bytes, to: notificationLogPath)
            } catch {
                options.logger.error("Cannot save the notification log", ["err": "\(error)"])
            }
        }
    }
}

/// Why a ``DirectDispatcher`` could not start: a configuration error (`file:line:col: ...`) or a storage problem.
public struct DirectDispatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public var description: String
}
