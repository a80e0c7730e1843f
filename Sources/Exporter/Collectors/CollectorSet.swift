import Dispatch
import PromText
import Synchronization

/// The result of one scrape of a ``CollectorSet``.
public struct CollectorScrape: Sendable {
    /// The families of every collector that succeeded in time, then `node_scrape_collector_duration_seconds` and
    /// `node_scrape_collector_success`.
    public var families: [MetricFamily]
    /// Why each failed collector failed (`"deadline exceeded"` for an abandoned one), for logging.
    public var failures: [(collector: String, reason: String)]
}

/// Runs the enabled node collectors on every scrape, as node_exporter's `NodeCollector` does, within a deadline.
///
/// Collectors that may block run on dispatch workers of their own, the others one after another on one shared
/// worker (see ``scrape(selected:deadline:)``). A collector that throws gets
/// `node_scrape_collector_success{collector} 0` and never fails the scrape. A collector still running at the
/// deadline is abandoned for this scrape: success 0, duration up to the deadline, and whatever it returns later
/// is discarded, while the others are served. Until its `update()` returns it is not started again (later
/// scrapes report it failed at once), so a hung collector holds one thread, not one per scrape.
public final class CollectorSet: Sendable {
    /// The collectors node_exporter 1.5 enables by default among those Tocsin implements.
    public static let defaultEnabledNames = [
        "cpu", "diskstats", "filesystem", "loadavg", "meminfo", "netdev", "os", "stat", "time", "uname",
    ]

    /// The enabled collectors, by name.
    public let collectors: [String: any NodeCollector]
    /// How long a scrape waits for its collectors unless the caller gives a deadline.
    public let deadline: Duration
    private let clock: any ScrapeClock
    /// Collectors whose `update()` has not returned yet, possibly from an abandoned earlier scrape.
    private let running = Mutex<Set<String>>([])

    /// Creates a set; collector names must be unique.
    public init(
        _ collectors: [any NodeCollector],
        deadline: Duration = .seconds(10),
        clock: any ScrapeClock = MonotonicScrapeClock()
    ) {
        var byName: [String: any NodeCollector] = [:]
        for collector in collectors {
            precondition(
                byName.updateValue(collector, forKey: collector.name) == nil, "two \(collector.name) collectors")
        }
        self.collectors = byName
        self.deadline = deadline
        self.clock = clock
    }

    /// Every collector Tocsin implements, each enabled by default as in node_exporter, with its default
    /// settings, reading under `paths`.
    public static func defaultCollectors(paths: SystemPaths = SystemPaths()) throws -> [any NodeCollector] {
        try makeCollectors(defaultEnabledNames, paths: paths)
    }

    /// The collectors called `names` (for `--collector.<name>` flags) with node_exporter's default settings,
    /// reading under `paths`. An unknown name throws ``CollectorSelectionError/missingCollector(_:)``; an invalid
    /// built-in pattern would throw ``CollectorError``.
    public static func makeCollectors(_ names: [String], paths: SystemPaths = SystemPaths()) throws
        -> [any NodeCollector]
    {
        try names.map { name throws -> any NodeCollector in
            switch name {
            case "cpu": CPUCollector(paths: paths)
            case "diskstats": try DiskstatsCollector(paths: paths)
            case "filesystem": try FilesystemCollector(paths: paths)
            case "loadavg": LoadavgCollector(paths: paths)
            case "meminfo": MeminfoCollector(paths: paths)
            case "netdev": NetdevCollector(paths: paths)
            case "os": OSCollector(paths: paths)
            case "stat": StatCollector(paths: paths)
            case "time": TimeCollector(paths: paths)
            case "uname": UnameCollector()
            default: throw CollectorSelectionError.missingCollector(name)
            }
        }
    }

    /// The enabled collector names, sorted.
    public var names: [String] { collectors.keys.sorted() }

    /// The collectors a `collect[]` / `exclude[]` query selects: all when both are empty, only `collect` when
    /// given, all but `exclude` when given. Unknown names and combining both are errors, as in node_exporter.
    public func select(collect: [String] = [], exclude: [String] = []) throws(CollectorSelectionError) -> [String] {
        if !collect.isEmpty && !exclude.isEmpty { throw .combinedCollectAndExclude }
        for name in collect + exclude where collectors[name] == nil { throw .missingCollector(name) }
        if !collect.isEmpty { return Set(collect).sorted() }
        return names.filter { !exclude.contains($0) }
    }

    /// Scrapes the collectors a query selects (see ``select(collect:exclude:)``), waiting at most `deadline`.
    public func scrape(
        collect: [String] = [],
        exclude: [String] = [],
        deadline: Duration? = nil
    ) throws(CollectorSelectionError) -> CollectorScrape {
        scrape(selected: try select(collect: collect, exclude: exclude), deadline: deadline ?? self.deadline)
    }

    /// The same scrape without blocking a Swift concurrency thread: the waiting happens on a dispatch worker.
    public func scrape(
        collect: [String] = [],
        exclude: [String] = [],
        deadline: Duration? = nil
    ) async throws(CollectorSelectionError) -> CollectorScrape {
        let selected = try select(collect: collect, exclude: exclude)
        let deadline = deadline ?? self.deadline
        return await withCheckedContinuation { continuation in
            BlockingWorkQueue.run("scrape") {
                continuation.resume(returning: self.scrape(selected: selected, deadline: deadline))
            }
        }
    }

    /// Runs the named collectors (which must be enabled) and waits at most `deadline`.
    ///
    /// Collectors that may block (``NodeCollector/mayBlock``) each get a worker thread; the others run one after
    /// another on one shared worker, which saves a thread hand-off per collector. Once the deadline passes, the
    /// shared worker starts no further collector, so those not reached yet are reported as overrunning too.
    public func scrape(selected: [String], deadline: Duration) -> CollectorScrape {
        let start = clock.now()
        let board = ScrapeBoard(count: selected.count)
        var shared: [(slot: Int, name: String, collector: any NodeCollector)] = []
        for (slot, name) in selected.enumerated() {
            guard let collector = collectors[name] else { preconditionFailure("collector \(name) is not enabled") }
            if collector.mayBlock {
                board.group.enter()
                BlockingWorkQueue.run("collector.\(name)") {
                    self.update(collector, name: name, slot: slot, board: board)
                    board.group.leave()
                }
            } else {
                shared.append((slot, name, collector))
            }
        }
        if !shared.isEmpty {
            board.group.enter()
            BlockingWorkQueue.run("collectors") { [shared] in
                for (slot, name, collector) in shared where !board.isClosed {
                    self.update(collector, name: name, slot: slot, board: board)
                }
                board.group.leave()
            }
        }
        _ = board.group.wait(timeout: deadline.dispatchDeadline)
        let outcomes = board.close()
        let overrun = clock.now() - start

        var families: [MetricFamily] = []
        var failures: [(collector: String, reason: String)] = []
        var durations: [(labels: Labels, value: Double)] = []
        var successes: [(labels: Labels, value: Double)] = []
        for (name, outcome) in zip(selected, outcomes) {
            let labels: Labels = ["collector": name]
            durations.append((labels, (outcome?.duration ?? overrun).secondsValue))
            switch outcome?.result {
            case .success(let collected):
                families += collected.filter { !$0.samples.isEmpty }
                successes.append((labels, 1))
            case .failure(let error):
                failures.append((name, "\(error)"))
                successes.append((labels, 0))
            case nil:
                failures.append((name, "deadline exceeded"))
                successes.append((labels, 0))
            }
        }
        families.append(
            .labelled(
                "node_scrape_collector_duration_seconds", .gauge,
                help: "node_exporter: Duration of a collector scrape.", samples: durations))
        families.append(
            .labelled(
                "node_scrape_collector_success", .gauge, help: "node_exporter: Whether a collector succeeded.",
                samples: successes))
        return CollectorScrape(families: families, failures: failures)
    }

    /// Runs one collector on the current worker and records its outcome, unless an abandoned earlier update of
    /// it is still running: a hung collector holds one thread, not one per scrape.
    private func update(_ collector: any NodeCollector, name: String, slot: Int, board: ScrapeBoard) {
        guard running.withLock({ $0.insert(name).inserted }) else {
            board.record(slot, CollectorOutcome(result: .failure(CollectorError.stillRunning(name)), duration: .zero))
            return
        }
        let begin = clock.now()
        let result = Result { try collector.update() }
        let duration = clock.now() - begin
        running.withLock { _ = $0.remove(name) }
        board.record(slot, CollectorOutcome(result: result, duration: duration))
    }
}

/// What one collector produced in one scrape.
private struct CollectorOutcome: Sendable {
    let result: Result<[MetricFamily], any Error>
    let duration: Duration
}

/// The slots one scrape's workers write into; once closed, late results are dropped.
private final class ScrapeBoard: Sendable {
    let group = DispatchGroup()
    private let state: Mutex<(outcomes: [CollectorOutcome?], closed: Bool)>

    init(count: Int) {
        state = Mutex((Array(repeating: nil, count: count), false))
    }

    /// Whether the scrape stopped waiting; workers then start no further collector.
    var isClosed: Bool {
        state.withLock { $0.closed }
    }

    func record(_ slot: Int, _ outcome: CollectorOutcome) {
        state.withLock { state in
            if !state.closed { state.outcomes[slot] = outcome }
        }
    }

    /// Stops accepting results and returns those that arrived in time.
    func close() -> [CollectorOutcome?] {
        state.withLock { state in
            state.closed = true
            return state.outcomes
        }
    }
}
