import Dispatch
import PromText
import Synchronization

/// `tocsin-exporter` assembled: node collectors, self metrics, the HTTP server with `/metrics`, the probes and a
/// landing page, and Kubernetes-style graceful shutdown.
///
/// Startup passes once the collectors have run once; liveness is a watchdog on collection (a scrape, or a
/// background collection when nobody scraped for a minute, must complete within five minutes — abandoned
/// collectors still let a scrape complete, so a hung mount does not make the process look dead); readiness
/// fails while starting and from the moment a shutdown begins.
public final class ExporterApplication: Sendable {
    /// The configuration the application runs with.
    public let configuration: ExporterConfiguration
    /// The logger.
    public let logger: Logger
    /// The probe state.
    public let health = HealthChecks()
    /// The HTTP server.
    public let server: HTTPServer
    private let collectors: CollectorSet
    private let collectionWatch: CollectionWatch
    private let watchdog = Mutex<DispatchSourceTimerBox?>(nil)

    /// How long without a completed collection before liveness fails.
    static let collectionStaleAfter = Duration.seconds(300)
    /// How often the watchdog checks, collecting in the background when nobody scraped meanwhile.
    static let watchdogInterval = Duration.seconds(60)

    /// Builds every part from the configuration; nothing listens until ``start()``.
    public init(configuration: ExporterConfiguration, logger: Logger) throws {
        MallocArenas.limit()
        self.configuration = configuration
        self.logger = logger
        let address = try ListenAddress(parsing: configuration.listenAddress)
        let textfileReport: @Sendable (String) -> Void = { logger.error("textfile collector", ["err": $0]) }
        var nodeCollectors = try CollectorSet.makeCollectors(
            configuration.enabledCollectors.filter { $0 != "textfile" }, paths: configuration.paths)
        if configuration.enabledCollectors.contains("textfile") {
            nodeCollectors.append(TextfileCollector(directory: configuration.textfileDirectory, report: textfileReport))
        }
        collectors = CollectorSet(nodeCollectors)

        let registry = Registry()
        let httpMetrics = HTTPServerMetrics(namespace: "tocsin_exporter")
        if !configuration.disableExporterMetrics {
            try registry.register(collector: ProcessCollector())
            try registry.register(collector: httpMetrics)
            _ = try registry.register(
                Info(
                    name: "tocsin_exporter_build", help: "A metric with a constant '1' value labeled by version.",
                    labels: ["version": BuildInfo.version]))
        }

        var router = Router()
        let collectionWatch = CollectionWatch(health: health)
        self.collectionWatch = collectionWatch
        let metrics = MetricsHandler(collectors: collectors, registry: registry) { scrape in
            collectionWatch.collected()
            for failure in scrape.failures {
                logger.error("collector failed", ["name": failure.collector, "err": failure.reason])
            }
        }
        router.register(
            configuration.telemetryPath,
            handler: ConcurrencyLimiter(maxInFlight: configuration.maxRequests).limiting(metrics.handle))
        health.registerHeartbeat(CollectionWatch.heartbeatName, staleAfter: Self.collectionStaleAfter)
        let endpoints = HealthEndpoints()
        health.register(on: &router, endpoints: endpoints)
        let page = LandingPage.html(
            title: "Tocsin Exporter", version: BuildInfo.version,
            links: [
                (configuration.telemetryPath, "metrics"), (endpoints.liveness, "liveness probe"),
                (endpoints.readiness, "readiness probe"), (endpoints.startup, "startup probe"),
            ])
        router.register("/") { _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8))
        }
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: address.host, port: address.port, maxConnections: configuration.maxConnections,
                metrics: configuration.disableExporterMetrics ? nil : httpMetrics),
            router: router)
    }

    /// Runs the first collection, binds the listener and starts serving; returns the bound port.
    public func start() throws -> Int {
        _ = collectors.scrape(selected: collectors.names, deadline: collectors.deadline)
        collectionWatch.collected()
        let port = try server.start()
        health.markStartupComplete()
        startWatchdog()
        logger.info(
            "Listening on",
            [
                "address": "\(configuration.listenAddress)", "port": "\(port)",
                "collectors": collectors.names.joined(separator: ","),
            ])
        return port
    }

    /// Serves until SIGTERM or SIGINT, then drains and stops; returns the exit code (0).
    public func runUntilSignalled() -> Int32 {
        let shutdown = GracefulShutdown(
            server: server, health: health, drainDelay: configuration.drainDelay.duration, gracePeriod: .seconds(15))
        shutdown.installSignalHandlers()
        shutdown.wait()
        watchdog.withLock { $0?.timer.cancel() }
        logger.info("Stopped serving")
        return 0
    }

    private func startWatchdog() {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let interval = DispatchTimeInterval.seconds(Int(Self.watchdogInterval.components.seconds))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [collectors, collectionWatch] in
            guard collectionWatch.timeSinceLastCollection >= Self.watchdogInterval else { return }
            _ = collectors.scrape(selected: collectors.names, deadline: collectors.deadline)
            collectionWatch.collected()
        }
        timer.resume()
        watchdog.withLock { $0 = DispatchSourceTimerBox(timer: timer) }
    }
}

/// Remembers when collection last completed and feeds the liveness heartbeat.
final class CollectionWatch: Sendable {
    /// The heartbeat's name in the liveness report.
    static let heartbeatName = "collection"
    private let health: HealthChecks
    private let last = Mutex(ContinuousClock.now)

    init(health: HealthChecks) {
        self.health = health
    }

    /// Records a completed collection.
    func collected() {
        last.withLock { $0 = .now }
        health.heartbeat(Self.heartbeatName)
    }

    /// How long ago the last collection completed.
    var timeSinceLastCollection: Duration { ContinuousClock.now - last.withLock { $0 } }
}

/// Holds the watchdog timer; Dispatch sources are thread-safe, and the box is only touched under a `Mutex`.
struct DispatchSourceTimerBox: @unchecked Sendable {
    let timer: any DispatchSourceTimer
}
