import PromText
import Testing

@testable import Exporter

@Suite struct ProcStatTests {
    @Test func cpuSecondsComeFromUserHZTicks() throws {
        let stat = try ProcStat.parse(ProcText("cpu0 150 1 250 1000 5 6 7 8 9 10\n", file: "stat"))
        let families = CPUCollector.families(stat.cpus)
        #expect(families.value("node_cpu_seconds_total", ["cpu": "0", "mode": "user"]) == 1.5)
        #expect(families.value("node_cpu_seconds_total", ["cpu": "0", "mode": "system"]) == 2.5)
        #expect(families.value("node_cpu_seconds_total", ["cpu": "0", "mode": "steal"]) == 0.08)
        #expect(families.value("node_cpu_guest_seconds_total", ["cpu": "0", "mode": "user"]) == 0.09)
        #expect(families.value("node_cpu_guest_seconds_total", ["cpu": "0", "mode": "nice"]) == 0.1)
        #expect(families.family("node_cpu_seconds_total")?.type == .counter)
    }

    @Test func twoHundredFiftySixCPUs() throws {
        let stat = try ProcStat.parse(CollectorFixtures.text("odd/stat-256cpus"))
        let families = CPUCollector.families(stat.cpus)
        #expect(families.family("node_cpu_seconds_total")?.samples.count == 256 * 8)
        #expect(families.family("node_cpu_guest_seconds_total")?.samples.count == 256 * 2)
        #expect(families.value("node_cpu_seconds_total", ["cpu": "255", "mode": "idle"]) == 12.55)
        // CPUs are listed in numeric, not lexical, order.
        #expect(families.family("node_cpu_seconds_total")?.samples[8].labels["cpu"] == "1")
        #expect(stat.bootTime == 1_700_000_000)
        #expect(stat.interrupts == 12345)
    }

    @Test func olderKernelsWithoutGuestColumnsReadAsZero() throws {
        let stat = try ProcStat.parse(CollectorFixtures.text("odd/stat-short"))
        #expect(stat.cpus[0]?["steal"] == 8)
        #expect(stat.cpus[0]?["guest"] == 0)
        #expect(stat.bootTime == 42)
    }

    @Test func extraColumnsAreIgnored() throws {
        let stat = try ProcStat.parse(CollectorFixtures.text("odd/stat-extra-columns"))
        #expect(stat.cpus[0]?.seconds.count == CPUTimes.columns.count)
        #expect(stat.cpus[0]?["guest_nice"] == 10)
    }

    @Test func aBadNumberIsReportedWithItsPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try ProcStat.parse(CollectorFixtures.text("odd/stat-bad"))
        }
        #expect(error?.position == SourcePosition(offset: 22, line: 2, column: 10))
        #expect(error?.description.hasSuffix("odd/stat-bad:2:10: expected a number, found \"x3\"") == true)
    }

    @Test func cpuCountersNeverGoBackwards() {
        let exposed = CPUTimes(seconds: [10, 0, 5, 100])
        let dipped = exposed.advanced(to: CPUTimes(seconds: [9, 0, 6, 99]))
        #expect(dipped["user"] == 10)
        #expect(dipped["system"] == 6)
        #expect(dipped["idle"] == 100)
        // An idle drop of 3 s or more means the CPU was replaced (hot-plug): take the new reading whole.
        let replugged = exposed.advanced(to: CPUTimes(seconds: [1, 0, 1, 2]))
        #expect(replugged == CPUTimes(seconds: [1, 0, 1, 2]))
    }

    @Test func statFamilies() throws {
        let families = StatCollector.families(try ProcStat.parse(CollectorFixtures.text("odd/stat-256cpus")))
        #expect(families.value("node_boot_time_seconds") == 1_700_000_000)
        #expect(families.value("node_context_switches_total") == 999)
        #expect(families.value("node_forks_total") == 4242)
        #expect(families.value("node_intr_total") == 12345)
        #expect(families.value("node_procs_running") == 9)
        #expect(families.value("node_procs_blocked") == 1)
        #expect(families.family("node_forks_total")?.type == .counter)
        #expect(families.family("node_procs_running")?.type == .gauge)
    }

    @Test func cpuCollectorReadsTheFixtureTree() throws {
        let families = try CPUCollector(paths: CollectorFixtures.paths).update()
        #expect(families.family("node_cpu_seconds_total")?.samples.isEmpty == false)
    }
}

@Suite struct CollectorErrorTests {
    @Test func anUnreadableFileNamesThePathAndTheReason() {
        let error = #expect(throws: CollectorError.self) { try SystemFile.read("/nonexistent/tocsin") }
        #expect(error?.description == "cannot read /nonexistent/tocsin: No such file or directory")
        #expect(error?.position == nil)
    }

    @Test func anInvalidPatternIsRejected() {
        #expect(throws: CollectorError.invalidPattern("(unclosed")) { try DeviceFilter(exclude: "(unclosed") }
    }

    @Test func patternsMatchAnywhereLikeGo() throws {
        let filter = try DeviceFilter(exclude: "loop")
        #expect(filter.ignores("myloop0"))
        #expect(!filter.ignores("sda"))
        let include = try DeviceFilter(include: "^eth")
        #expect(include.ignores("lo"))
        #expect(!include.ignores("eth0"))
    }
}
