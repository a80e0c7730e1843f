import Glibc
import PromText
import Synchronization

/// Runs one ``ScrapeRunner`` per target of the scrape configurations, as Prometheus's scrape manager does.
///
/// ``apply(_:)`` takes a new set of configurations: targets that are new start, targets that are gone stop with
/// stale markers for their series, and targets whose settings changed restart keeping their series state (no
/// stale markers, as a Prometheus reload). ``stop()`` shuts everything down.
public final class ScrapeManager: Sendable {
    /// A target's identity: its job, labels and URL.
    private struct TargetKey: Hashable {
        var jobName: String
        var labels: Labels
        var url: String
    }

    private struct Running {
        var runner: ScrapeRunner
        var target: ScrapeTarget
        var configuration: ScrapeConfiguration
    }

    private let store: SampleStore
    private let scraper: TargetScraper
    private let now: @Sendable () -> Int64
    private let running = Mutex<[TargetKey: Running]>([:])

    /// Creates a manager appending to `store`; `now` gives the scrape timestamps in milliseconds since the epoch.
    public init(
        store: SampleStore, scraper: TargetScraper = TargetScraper(),
        now: @escaping @Sendable () -> Int64 = ScrapeManager.realTimeMilliseconds
    ) {
        self.store = store
        self.scraper = scraper
        self.now = now
    }

    /// Starts, keeps, restarts and stops targets so exactly the targets of `configurations` run.
    ///
    /// - Returns: the targets that cannot be scraped (they are skipped), in configuration order.
    @discardableResult
    public func apply(_ configurations: [ScrapeConfiguration]) -> [ScrapeTargetError] {
        var wanted: [(TargetKey, ScrapeTarget, ScrapeConfiguration)] = []
        var errors: [ScrapeTargetError] = []
        for configuration in configurations {
            let discovered = ScrapeTarget.targets(of: configuration)
            errors += discovered.errors
            for target in discovered.targets {
                let key = TargetKey(jobName: configuration.jobName, labels: target.labels, url: target.url)
                wanted.append((key, target, configuration))
            }
        }
        running.withLock { running in
            let wantedKeys = Set(wanted.map(\.0))
            var leaving: [Running] = []
            for (key, entry) in running where !wantedKeys.contains(key) {
                leaving.append(entry)
                running[key] = nil
            }
            var restarting: [(TargetKey, Running, ScrapeTarget, ScrapeConfiguration)] = []
            for (key, target, configuration) in wanted {
                if let entry = running[key] {
                    if entry.target != target || entry.configuration != configuration {
                        restarting.append((key, entry, target, configuration))
                    }
                } else {
                    let loop = ScrapeLoop(target: target, configuration: configuration)
                    running[key] = Running(runner: start(loop), target: target, configuration: configuration)
                }
            }
            for entry in leaving + restarting.map(\.1) { entry.runner.cancel() }
            for entry in leaving { _ = entry.runner.finish(staleMarkers: true) }
            for (key, entry, target, configuration) in restarting {
                let previous = entry.runner.finish(staleMarkers: false)
                let loop = ScrapeLoop(target: target, configuration: configuration, continuing: previous)
                running[key] = Running(runner: start(loop), target: target, configuration: configuration)
            }
        }
        return errors
    }

    /// Stops every target without stale markers, as Prometheus does when it shuts down (``apply(_:)`` with no
    /// configurations removes every target with stale markers instead).
    public func stop() {
        running.withLock { running in
            for entry in running.values { entry.runner.cancel() }
            for entry in running.values { _ = entry.runner.finish(staleMarkers: false) }
            running.removeAll()
        }
    }

    /// The running targets and their last scrape, ordered by job and labels.
    public func targets() -> [ScrapeTargetStatus] {
        running.withLock { running in running.values.map(\.runner.status) }.sorted { lhs, rhs in
            lhs.jobName != rhs.jobName
                ? lhs.jobName < rhs.jobName : lhs.target.labels.lexicographicallyPrecedes(rhs.target.labels)
        }
    }

    /// The real-time clock in milliseconds since the Unix epoch.
    public static let realTimeMilliseconds: @Sendable () -> Int64 = {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    private func start(_ loop: ScrapeLoop) -> ScrapeRunner {
        ScrapeRunner(loop: loop, store: store, scraper: scraper, now: now)
    }
}
