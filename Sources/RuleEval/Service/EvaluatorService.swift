import Dispatch
import Exporter
import Glibc
import PromText
import Synchronization

/// The standalone evaluator (`tocsin-ruleeval --config.file=...`) assembled: scrape manager → sample store → rule
/// groups on their schedules → alert notifiers, with the HTTP server (self metrics, probes, lifecycle endpoints)
/// and configuration reloads on SIGHUP or `POST /-/reload`.
///
/// A reload loads `prometheus.yml` and every rule file as a unit; when anything fails to load, the running
/// configuration stays, the error is logged with its file, line and column, and
/// `tocsin_config_last_reload_successful` drops to 0. Groups that survive a reload (same file and name) keep their
/// alert state.
public final class EvaluatorService: EvaluatorStatusSource {
    private struct Running {
        var configuration: LoadedConfiguration
        var runners: [RuleGroupRunner]
        var alertmanagers: AlertmanagerNotifier?
        var dispatcher: DirectDispatcher?
    }

    /// The command-line configuration.
    public let configuration: EvaluatorConfiguration
    /// The logger.
    public let logger: Logger
    /// The probe state.
    public let health = HealthChecks()
    /// The in-memory sample store.
    public let store = SampleStore()
    /// The query engine over ``store``; subqueries without a step use the loaded `evaluation_interval`.
    public var engine: QueryEngine { currentEngine.withLock { $0 } }
    private let currentEngine: Mutex<QueryEngine>
    /// `--web.external-url`, or `http://<hostname>:<port>` as Prometheus derives it; known once bound.
    private let externalURL = Mutex("")
    private let listenPort = Atomic(0)
    /// When the service was created, in milliseconds since the epoch.
    public let startTime: Int64
    private let scrapeManager: ScrapeManager
    private let metrics: EvaluatorMetrics
    private let registry = Registry()
    private let httpMetrics = HTTPServerMetrics(namespace: "tocsin_ruleeval")
    private let now: @Sendable () -> Int64
    private let running = Mutex<Running?>(nil)
    /// Serialises reloads (SIGHUP and HTTP can race).
    private let reloading = Mutex(())
    private let stopped = Atomic(false)
    private let signalSource = Mutex<SignalSourceBox?>(nil)
    private let server: Mutex<HTTPServer?> = Mutex(nil)
    private let alertState: AlertStateFile
    /// The alert state read at start, restored into each group once, before its first evaluation.
    private let savedAlerts = Mutex<SavedAlertState?>(nil)
    /// Silences (`/api/v2/silences`), applied by the direct dispatcher.
    public let silences: SilenceAPI

    /// Creates the service; nothing runs until ``start()``.
    public init(
        configuration: EvaluatorConfiguration, logger: Logger,
        now: @escaping @Sendable () -> Int64 = ScrapeManager.realTimeMilliseconds
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.now = now
        startTime = now()
        currentEngine = Mutex(QueryEngine(store: store, lookbackDelta: configuration.lookbackDelta.milliseconds))
        let scrapeManager = ScrapeManager(store: store, now: now)
        self.scrapeManager = scrapeManager
        metrics = EvaluatorMetrics(store: store, targets: { scrapeManager.targets() })
        alertState = AlertStateFile(storagePath: configuration.storagePath)
        silences = SilenceAPI(
            file: SilenceFile(storagePath: configuration.storagePath), now: now,
            reportError: { logger.error("Failed to write silences", ["err": "\($0)"]) })
        try registry.register(collector: ProcessCollector())
        try registry.register(collector: httpMetrics)
        try registry.register(collector: metrics)
        try registry.register(
            collector: NotifierMetrics { [weak self] in
                guard let state = self?.running.withLock({ $0 }) else { return [] }
                return [state.alertmanagers as (any Collector)?, state.dispatcher].compactMap { $0 }
            })
        _ = try registry.register(
            Info(
                name: "tocsin_ruleeval_build", help: "A metric with a constant '1' value labeled by version.",
                labels: ["version": BuildInfo.version]))
    }

    // MARK: EvaluatorStatusSource

    /// Every scrape target with its last scrape.
    public func targets() -> [ScrapeTargetStatus] { scrapeManager.targets() }

    /// Every rule group with its rules' last evaluation, in configuration order.
    public func ruleGroups() -> [RuleGroupStatus] {
        running.withLock { $0?.runners ?? [] }.map(\.status)
    }

    /// The loaded configuration's external labels.
    public func externalLabels() -> [String: String] {
        let labels = running.withLock { $0?.configuration.prometheus.global.externalLabels } ?? Labels()
        return Dictionary(labels.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    // MARK: Lifecycle

    /// Loads the configuration (failing when it does not load), starts scraping and evaluating, binds the
    /// listener and starts serving; returns the bound port.
    public func start() throws -> Int {
        try AtomicFile.createDirectory(configuration.storagePath)
        do {
            savedAlerts.withLock { $0 = .empty }
            let saved = try alertState.load()
            savedAlerts.withLock { $0 = saved }
        } catch {
            logger.error("Failed to read the saved alert state; starting without it", ["err": "\(error)"])
        }
        do {
            try silences.load()
        } catch {
            logger.error("Failed to read the saved silences; starting without them", ["err": "\(error)"])
        }
        let loaded = try loadConfiguration()
        let address = try ListenAddress(parsing: configuration.listenAddress)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: address.host, port: address.port, maxConnections: configuration.maxConnections,
                metrics: httpMetrics),
            router: makeRouter())
        let port = try server.start()
        self.server.withLock { $0 = server }
        listenPort.store(port, ordering: .releasing)
        externalURL.withLock {
            $0 = configuration.externalURL.isEmpty ? "http://\(Self.hostname()):\(port)" : configuration.externalURL
        }
        try apply(loaded)
        metrics.recordReload(successful: true, at: now())
        registerReadiness()
        health.markStartupComplete()
        startRetention()
        installReloadSignal()
        logger.info(
            "Server is ready to receive web requests.",
            ["address": configuration.listenAddress, "port": "\(port)", "config": configuration.configFile])
        return port
    }

    /// Loads the configuration file again and applies it; on failure keeps the running configuration. Returns
    /// the error message, or `nil` on success.
    @discardableResult
    public func reload() -> String? {
        reloading.withLock { _ in
            do {
                let loaded = try loadConfiguration()
                try apply(loaded)
                metrics.recordReload(successful: true, at: now())
                logger.info("Completed loading of configuration file", ["filename": configuration.configFile])
                return nil
            } catch {
                metrics.recordReload(successful: false, at: now())
                logger.error(
                    "Error reloading config", ["filename": configuration.configFile, "err": "\(error)"])
                return "\(error)"
            }
        }
    }

    /// Serves until SIGTERM or SIGINT, then drains, stops every loop and returns the exit code (0).
    public func runUntilSignalled() -> Int32 {
        guard let server = server.withLock({ $0 }) else { return 1 }
        let shutdown = GracefulShutdown(
            server: server, health: health, drainDelay: configuration.drainDelay.duration, gracePeriod: .seconds(15))
        shutdown.installSignalHandlers()
        shutdown.wait()
        stop()
        logger.info("See you next time!")
        return 0
    }

    /// Stops scraping, evaluation and notification (draining queued alerts for a few seconds).
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        signalSource.withLock { $0?.source.cancel() }
        scrapeManager.stop()
        // Runners first, outside the lock: their last evaluation still reaches the notifiers.
        for runner in running.withLock({ $0?.runners ?? [] }) { _ = runner.stop() }
        let state = running.withLock { running -> Running? in
            defer { running = nil }
            return running
        }
        state?.alertmanagers?.stop(drainingFor: .seconds(5))
        state?.dispatcher?.stop(drainingFor: .seconds(5))
        server.withLock { server in
            server?.shutdown(gracePeriod: .seconds(1))
            server = nil  // the router's handlers hold the service
        }
    }

    // MARK: Applying a configuration

    private func loadConfiguration() throws(ConfigurationLoadError) -> LoadedConfiguration {
        try LoadedConfiguration.load(
            fileAt: configuration.configFile, notifierFileAt: configuration.notifierConfigFile)
    }

    /// The direct dispatcher for `loaded`: the running one when its configuration is unchanged, else a new one
    /// (which re-sends what the outbox holds).
    private func dispatcher(for loaded: LoadedConfiguration, previous: Running?) throws -> DirectDispatcher? {
        if let running = previous?.dispatcher, previous?.configuration.notifier == loaded.notifier { return running }
        // One dispatcher at a time owns the outbox: what the old one has not delivered, the new one re-sends.
        // Alerts evaluated meanwhile are re-sent after the resend delay.
        previous?.dispatcher?.stop(drainingFor: .seconds(1))
        guard let notifier = loaded.notifier else { return nil }
        var options = DirectDispatcher.Options()
        options.externalURL = externalURL.withLock { $0 }
        options.logger = logger
        options.now = now
        let silences = self.silences
        options.silences = { silences.store }
        return try DirectDispatcher(configuration: notifier, storagePath: configuration.storagePath, options: options)
    }

    /// Swaps in `loaded`. Old runners are stopped outside the `running` lock: an evaluation finishing meanwhile
    /// takes that lock to reach the notifiers.
    private func apply(_ loaded: LoadedConfiguration) throws {
        let previous = running.withLock { $0 }
        let dispatcher = try dispatcher(for: loaded, previous: previous)
        currentEngine.withLock { $0.defaultSubqueryStep = loaded.prometheus.global.evaluationInterval.milliseconds }
        let engine = self.engine
        for error in scrapeManager.apply(loaded.prometheus.scrapeConfigs) {
            logger.warn("Skipping target", ["err": "\(error)"])
        }
        var previousRunners: [String: RuleGroupRunner] = [:]
        for runner in previous?.runners ?? [] { previousRunners[runner.group.key] = runner }
        let global = loaded.prometheus.global
        let externalLabels = Dictionary(global.externalLabels.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        var runners: [RuleGroupRunner] = []
        for group in loaded.groups {
            guard
                var evaluator = try? RuleGroupEvaluator(
                    group: group.definition, externalLabels: externalLabels, externalURL: externalURL.withLock { $0 })
            else { continue }
            let stateKey = RuleGroupKey(file: group.file, name: group.definition.name)
            if let old = previousRunners.removeValue(forKey: group.key) {
                evaluator.copyState(from: old.stop())
            } else if let saved = savedAlerts.withLock({ $0 }) {
                let restored = evaluator.restore(
                    from: saved, groupKey: stateKey, now: now(),
                    outageTolerance: configuration.forOutageTolerance.milliseconds,
                    gracePeriod: configuration.forGracePeriod.milliseconds)
                if restored > 0 {
                    logger.info("Restored alert state", ["group": group.key, "alerts": "\(restored)"])
                }
            }
            alertState.record(evaluator.savedAlerts, for: stateKey)
            metrics.registerGroup(key: group.key, interval: group.interval, ruleCount: group.definition.rules.count)
            runners.append(RuleGroupRunner(group: group, evaluator: evaluator))
        }
        for (key, runner) in previousRunners {
            _ = runner.stop()
            metrics.removeGroup(key: key)
        }
        savedAlerts.withLock { $0 = nil }
        alertState.retainGroups(Set(loaded.groups.map { RuleGroupKey(file: $0.file, name: $0.definition.name) }))
        var alertmanagers = previous?.alertmanagers
        if previous?.configuration.prometheus.alerting != loaded.prometheus.alerting
            || previous?.configuration.prometheus.global.externalLabels != global.externalLabels
        {
            alertmanagers?.stop(drainingFor: .seconds(1))
            alertmanagers =
                loaded.prometheus.alerting.alertmanagers.isEmpty
                ? nil
                : AlertmanagerNotifier(
                    configuration: loaded.prometheus.alerting, externalLabels: global.externalLabels,
                    capacity: configuration.notificationQueueCapacity)
        }
        running.withLock {
            $0 = Running(configuration: loaded, runners: runners, alertmanagers: alertmanagers, dispatcher: dispatcher)
        }
        for runner in runners {
            runner.start(engine: engine, now: now) { [weak self] evaluator, time, duration, failures, missed in
                self?.evaluated(
                    &evaluator, group: runner.group, at: time, duration: duration, failures: failures, missed: missed)
            }
        }
    }

    /// After each group evaluation: metrics, failure logs, the saved alert state, alerts to the notifiers.
    private func evaluated(
        _ evaluator: inout RuleGroupEvaluator, group: LoadedConfiguration.Group, at time: Int64, duration: Duration,
        failures: [(rule: String, message: String)], missed: Int64
    ) {
        metrics.recordEvaluation(
            key: group.key, at: time, duration: duration, rules: group.definition.rules.count,
            failures: failures.count, missed: missed)
        for failure in failures {
            logger.warn(
                "Evaluating rule failed",
                ["group": group.definition.name, "file": group.file, "rule": failure.rule, "err": failure.message])
        }
        let alerts = evaluator.alertsToSend(
            at: time, resendDelay: configuration.resendDelay.milliseconds, evaluationInterval: group.interval)
        do {
            try alertState.save(
                evaluator.savedAlerts, for: RuleGroupKey(file: group.file, name: group.definition.name))
        } catch {
            logger.error("Failed to save the alert state", ["err": "\(error)"])
        }
        guard !alerts.isEmpty else { return }
        let (alertmanagers, dispatcher, alerting) = running.withLock {
            ($0?.alertmanagers, $0?.dispatcher, $0?.configuration.prometheus)
        }
        alertmanagers?.send(alerts)
        dispatcher?.send(
            alerts, externalLabels: alerting?.global.externalLabels ?? Labels(),
            relabelConfigs: alerting?.alerting.alertRelabelConfigs ?? [])
    }

    // MARK: Background work

    /// Readiness: configuration loaded (by construction), every target scraped once, every group evaluated once.
    private func registerReadiness() {
        health.registerReadinessCheck("scrape") { [weak self] in
            guard let self else { return .fail("stopped") }
            let waiting = targets().filter { $0.health == .unknown }.count
            return waiting == 0 ? .pass : .fail("\(waiting) targets not scraped yet")
        }
        health.registerReadinessCheck("rules") { [weak self] in
            guard let self else { return .fail("stopped") }
            let waiting = ruleGroups().filter { $0.lastEvaluation == nil }.count
            return waiting == 0 ? .pass : .fail("\(waiting) rule groups not evaluated yet")
        }
    }

    /// Trims the store to what the rules and the query window need, every minute.
    private func startRetention() {
        let policy = RetentionPolicy(
            lookbackDelta: configuration.lookbackDelta.milliseconds, upperBound: configuration.retention.milliseconds,
            queryWindow: configuration.queryWindow.milliseconds)
        BackgroundThread.start { [weak self] in
            while let self, !self.stopped.load(ordering: .acquiring) {
                let expressions = running.withLock { running in
                    (running?.runners ?? []).flatMap { runner in
                        let evaluator = runner.evaluator
                        return evaluator.rules.map { ($0.expression, evaluator.queryOffset) }
                    }
                }
                policy.apply(to: store, expressions: expressions, now: now())
                for _ in 0..<60 where !stopped.load(ordering: .acquiring) { usleep(1_000_000) }
            }
        }
    }

    private func installReloadSignal() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "tocsin.reload"))
        source.setEventHandler { [weak self] in self?.reload() }
        source.resume()
        signalSource.withLock { $0 = SignalSourceBox(source: source) }
    }

    // MARK: HTTP

    private func makeRouter() -> Router {
        var router = Router()
        let registry = self.registry
        router.register("/metrics") { request in
            let negotiated = ContentNegotiation(accept: request.headers["accept"])
            var body: [UInt8] = []
            ExpositionWriter.write(
                registry.collect(), format: negotiated.format, escaping: negotiated.escaping, into: &body)
            return HTTPResponse(status: .ok, headers: ["Content-Type": negotiated.contentType], body: body)
        }
        health.register(on: &router)
        var api = PrometheusAPI(source: self, flags: configuration.flagValues, now: now)
        api.globalURLOptions = { [weak self] in
            guard let self else { return nil }
            return GlobalURLOptions(
                externalURL: externalURL.withLock { $0 }, listenPort: listenPort.load(ordering: .acquiring))
        }
        api.register(on: &router)
        StatusPage(source: self, clock: now).register(on: &router)
        silences.register(on: &router)
        router.register("/-/healthy") { _ in .text("Tocsin Evaluator is Healthy.\n") }
        let health = self.health
        router.register("/-/ready") { _ in
            health.report(for: .readiness).status == .pass
                ? .text("Tocsin Evaluator is Ready.\n") : .text("Service Unavailable", status: .serviceUnavailable)
        }
        let lifecycle = configuration.enableLifecycle
        router.register("/-/reload", methods: [.post, .put]) { [weak self] _ in
            guard lifecycle else { return .text("Lifecycle API is not enabled.", status: .forbidden) }
            guard let self else { return .text("stopped", status: .serviceUnavailable) }
            if let error = reload() {
                return .text("failed to reload config: \(error)\n", status: .internalServerError)
            }
            return HTTPResponse(status: .ok)
        }
        return router
    }
}

extension EvaluatorService {
    /// The machine's host name, as Prometheus puts it in its default external URL.
    fileprivate static func hostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Collects the metrics of whichever notifiers the running configuration has (they are replaced on reload).
private struct NotifierMetrics: Collector {
    let current: @Sendable () -> [any Collector]

    func collect() -> [MetricFamily] { current().flatMap { $0.collect() } }
}

/// Holds the SIGHUP source; Dispatch sources are thread-safe, and the box is only touched under a `Mutex`.
private struct SignalSourceBox: @unchecked Sendable {
    let source: any DispatchSourceSignal
}
