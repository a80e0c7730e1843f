import Glibc
import PromText
import Testing

@testable import Exporter

/// Runs every collector against the fixture tree and compares a canonical rendering of what they emit with
/// `Fixtures/e2e-output.txt`, as node_exporter's end-to-end test does. `UPDATE_GOLDEN=1` rewrites the golden
/// file and fails the run so that every change is reviewed.
@Suite struct FixtureEndToEndTests {
    static let golden = CollectorFixtures.root + "/e2e-output.txt"

    /// `# TYPE name type`, `# HELP name help`, then one `name{label="value",...} value` line per sample.
    static func render(_ families: [MetricFamily]) -> String {
        var out = ""
        for family in families {
            out +=
                "# HELP \(family.name) \(family.help ?? "")\n# TYPE \(family.name) \(family.type.textKeyword ?? "")\n"
            for sample in family.samples {
                let labels = sample.labels.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ",")
                out += "\(sample.name){\(labels)} \(sample.value)\n"
            }
        }
        return out
    }

    static func collectFixtureTree() throws -> [MetricFamily] {
        let paths = CollectorFixtures.paths
        let usage = FilesystemUsage(sizeBytes: 1000, freeBytes: 400, availableBytes: 300, files: 50, freeFiles: 20)
        let collectors: [any NodeCollector] = [
            CPUCollector(paths: paths),
            try DiskstatsCollector(paths: paths),
            FilesystemCollector(
                paths: paths,
                mountPoints: try DeviceFilter(exclude: FilesystemCollector.defaultMountPointsExcludePattern),
                fsTypes: try DeviceFilter(exclude: FilesystemCollector.defaultFSTypesExcludePattern),
                statfs: { $0.hasSuffix("/mnt/nfs") ? nil : usage }),
            LoadavgCollector(paths: paths), MeminfoCollector(paths: paths), NetdevCollector(paths: paths),
            OSCollector(paths: paths), StatCollector(paths: paths),
        ]
        let scrape = CollectorSet(collectors, clock: FrozenClock()).scrape(
            selected: collectors.map(\.name).sorted(), deadline: .seconds(30))
        let snapshot = try ProcessCollector.snapshot(
            stat: CollectorFixtures.text("proc/self/stat"), limits: CollectorFixtures.text("proc/self/limits"),
            bootTime: 1_700_000_000, openFDs: 4, pageSize: 4096)
        return scrape.families + ProcessCollector.families(snapshot)
    }

    @Test func fixtureTreeMatchesTheGoldenFile() throws {
        let rendered = Self.render(try Self.collectFixtureTree())
        if getenv("UPDATE_GOLDEN") != nil {
            let file = try #require(fopen(Self.golden, "w"))
            fputs(rendered, file)
            fclose(file)
            Issue.record("rewrote \(Self.golden); review the diff and run again without UPDATE_GOLDEN")
            return
        }
        let expected = String(decoding: try SystemFile.read(Self.golden), as: UTF8.self)
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(renderedLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("line \(first.offset + 1): expected \(first.element.1), got \(first.element.0)")
        }
        #expect(renderedLines.count == expectedLines.count)
    }
}

/// A clock that never moves, so every collector duration renders as 0.
private struct FrozenClock: ScrapeClock {
    func now() -> Duration { .zero }
}
