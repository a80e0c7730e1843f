import Glibc
import PromText
import Testing

@testable import Exporter

@Suite struct OSCollectorTests {
    @Test func debianOSRelease() throws {
        let families = try OSCollector(paths: CollectorFixtures.paths).update()
        let info = try #require(families.family("node_os_info")?.samples.first)
        #expect(info.labels.map(\.name) == OSCollector.infoLabels.map(\.0))
        #expect(info.labels["id"] == "debian")
        #expect(info.labels["pretty_name"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(info.labels["image_id"] == "")
        #expect(families.value("node_os_version", ["id": "debian", "name": "Debian GNU/Linux"]) == 12)
    }

    @Test func quotingCommentsAndExport() throws {
        let release = try OSRelease.parse(CollectorFixtures.text("odd/os-release-quoting"))
        #expect(release["NAME"] == #"Tocsin "Linux""#)
        #expect(release["ID"] == "tocsin")
        #expect(release["ID_LIKE"] == "debian ubuntu")
        #expect(release["PRETTY_NAME"] == "Tocsin #1")
        let families = try OSCollector.parse(CollectorFixtures.text("odd/os-release-quoting"))
        #expect(families.value("node_os_version") == 22.04)
    }

    @Test(arguments: [("12", 12.0), ("22.04.3", 22.04), ("7", 7.0), ("3.18.4", 3.18)])
    func majorMinor(version: String, expected: Double) {
        #expect(OSCollector.majorMinor(version) == expected)
    }

    @Test func aVersionThatIsNotANumberHasNoVersionMetric() throws {
        let families = try OSCollector.parse(ProcText("ID=arch\nVERSION_ID=rolling\n", file: "os-release"))
        #expect(families.family("node_os_version") == nil)
        #expect(families.family("node_os_info") != nil)
    }

    @Test func anUnterminatedQuoteIsAnErrorWithPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try OSRelease.parse(CollectorFixtures.text("odd/os-release-unterminated"))
        }
        #expect(error?.position == SourcePosition(offset: 5, line: 1, column: 6))
    }

    @Test func noOSReleaseFileIsAnError() {
        #expect(throws: CollectorError.self) {
            try OSCollector(paths: SystemPaths(rootfs: CollectorFixtures.root + "/odd")).update()
        }
    }
}

@Suite struct ProcessCollectorTests {
    @Test func fixtureProcess() throws {
        let families = try ProcessCollector(paths: CollectorFixtures.paths).update()
        let bootTime = try ProcStat.parse(CollectorFixtures.text("proc/stat")).bootTime
        #expect(families.value("process_cpu_seconds_total") == 2)
        #expect(families.value("process_virtual_memory_bytes") == 1_048_576_000)
        #expect(families.value("process_resident_memory_bytes") == 3800 * Double(sysconf(Int32(_SC_PAGESIZE))))
        #expect(families.value("process_start_time_seconds") == bootTime + 42)
        #expect(families.value("process_open_fds") == 4)
        #expect(families.value("process_max_fds") == 20000)
        #expect(families.value("process_virtual_memory_max_bytes") == Double(UInt64.max))
        #expect(families.family("process_cpu_seconds_total")?.type == .counter)
    }

    @Test func theLiveProcess() throws {
        let families = try ProcessCollector().update()
        #expect((families.value("process_resident_memory_bytes") ?? 0) > 0)
        #expect((families.value("process_open_fds") ?? 0) >= 3)
        #expect(ProcessCollector().collect().count == 7)
    }

    @Test func aMissingProcessYieldsNothing() {
        #expect(ProcessCollector(paths: CollectorFixtures.paths, process: "999999").collect().isEmpty)
    }
}

@Suite struct TimeAndUnameCollectorTests {
    @Test func timeUsesTheInjectedClockAndReadsClocksources() throws {
        let collector = TimeCollector(paths: CollectorFixtures.paths) {
            timespec(tv_sec: 1_700_000_000, tv_nsec: 500_000_000)
        }
        let families = try collector.update()
        #expect(families.value("node_time_seconds") == 1_700_000_000.5)
        #expect(families.family("node_time_zone_offset_seconds")?.samples.first?.labels["time_zone"]?.isEmpty == false)
        #expect(families.value("node_time_clocksource_current_info", ["device": "0"]) == 1)
        #expect((families.family("node_time_clocksource_available_info")?.samples.count ?? 0) >= 1)
    }

    @Test func unameLabels() throws {
        let families = try UnameCollector().update()
        let labels = try #require(families.family("node_uname_info")?.samples.first?.labels)
        #expect(labels.map(\.name) == ["sysname", "release", "version", "machine", "nodename", "domainname"])
        #expect(labels["sysname"] == "Linux")
    }
}
