import PromText
import Testing

@testable import Exporter

@Suite struct MeminfoCollectorTests {
    @Test func kilobytesBecomeBytesAndParenthesesBecomeUnderscores() throws {
        let families = try MeminfoCollector.parse(CollectorFixtures.text("odd/meminfo-odd"))
        #expect(families.value("node_memory_Active_anon_bytes") == 8.0 * 1024)
        #expect(families.value("node_memory_HugePages_Total") == 4)
        // A repeated field keeps its last value and is emitted once.
        #expect(families.filter { $0.name == "node_memory_MemTotal_bytes" }.count == 1)
        #expect(families.value("node_memory_MemTotal_bytes") == 32.0 * 1024)
        #expect(families.family("node_memory_MemTotal_bytes")?.help == "Memory information field MemTotal_bytes.")
        #expect(families.family("node_memory_MemTotal_bytes")?.type == .gauge)
    }

    @Test func aNameThatIsNotAMetricNameIsAnError() {
        // `Weird(x)(y)` becomes `Weird_x)(y`, which node_exporter could not register either.
        #expect(throws: CollectorError.self) {
            try MeminfoCollector.parse(ProcText("Weird(x)(y):   1 kB\n", file: "meminfo"))
        }
    }

    @Test func theLiveFileParses() throws {
        let families = try MeminfoCollector(paths: CollectorFixtures.paths).update()
        #expect((families.value("node_memory_MemTotal_bytes") ?? 0) > 0)
        #expect(families.family("node_memory_Inactive_file_bytes") != nil)
    }

    @Test func anExtraColumnIsReportedWithItsPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try MeminfoCollector.parse(CollectorFixtures.text("odd/meminfo-bad"))
        }
        #expect(error?.position?.line == 2)
        #expect(error?.description.contains("expected end of line, found \"extra\"") == true)
    }
}

@Suite struct LoadavgCollectorTests {
    @Test func threeAverages() throws {
        let families = try LoadavgCollector.parse(ProcText("0.48 0.26 0.11 1/94 19332\n", file: "loadavg"))
        #expect(families.map(\.name) == ["node_load1", "node_load5", "node_load15"])
        #expect(families.value("node_load5") == 0.26)
        #expect(families.family("node_load15")?.help == "15m load average.")
    }

    @Test(arguments: ["odd/loadavg-short"]) func aShortFileIsAnError(fixture: String) throws {
        let error = #expect(throws: CollectorError.self) {
            try LoadavgCollector.parse(CollectorFixtures.text(fixture))
        }
        #expect(error?.description.contains("expected the 15m load average, found end of line") == true)
    }

    @Test func anEmptyFileIsAnError() {
        #expect(throws: CollectorError.self) { try LoadavgCollector.parse(ProcText("", file: "loadavg")) }
    }
}

@Suite struct NetdevCollectorTests {
    @Test func columnsAreNamedAfterTheHeader() throws {
        let families = try NetdevCollector.parse(CollectorFixtures.text("proc/net/dev"))
        let names = families.map(\.name)
        #expect(names.first == "node_network_receive_bytes_total")
        #expect(names.contains("node_network_transmit_colls_total"))
        #expect(names.contains("node_network_transmit_carrier_total"))
        #expect(names.count == 16)
        #expect(families.family("node_network_receive_bytes_total")?.type == .counter)
        #expect(families.family("node_network_receive_drop_total")?.help == "Network device statistic receive_drop.")
        #expect(families.value("node_network_receive_bytes_total", ["device": "lo"]) != nil)
    }

    @Test func manyInterfacesAndTheExcludeFilter() throws {
        let filter = try DeviceFilter(exclude: "^veth1")
        let families = try NetdevCollector.parse(CollectorFixtures.text("odd/netdev-many"), filter: filter)
        // veth1, veth10-19, veth100-199 are excluded: 300 - 111.
        #expect(families.family("node_network_receive_bytes_total")?.samples.count == 189)
        #expect(families.value("node_network_transmit_bytes_total", ["device": "veth299"]) == 598_000)
    }

    @Test func anExtraHeaderColumnAndAWideFirstCounter() throws {
        let families = try NetdevCollector.parse(CollectorFixtures.text("odd/netdev-extra-column"))
        #expect(families.value("node_network_receive_bytes_total", ["device": "eth0"]) == 123_456_789_012)
        #expect(families.value("node_network_receive_nohandler_total", ["device": "eth0"]) == 3)
        #expect(families.value("node_network_transmit_bytes_total", ["device": "eth0"]) == 70)
    }

    @Test func aShortLineIsAnErrorWithPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try NetdevCollector.parse(CollectorFixtures.text("odd/netdev-short-line"))
        }
        #expect(error?.position?.line == 3)
        #expect(error?.description.contains("expected 16 counters, found 3 counters") == true)
    }
}

@Suite struct DiskstatsCollectorTests {
    let filter: DeviceFilter

    init() throws {
        filter = try DeviceFilter(exclude: DiskstatsCollector.defaultExcludePattern)
    }

    @Test func unitsAndTheDefaultExclusion() throws {
        let families = try DiskstatsCollector.parse(CollectorFixtures.text("proc/diskstats"), filter: filter)
        let devices = families.family("node_disk_reads_completed_total")?.samples.map { $0.labels["device"] ?? "" }
        #expect(devices == ["sda", "vda", "nvme0n1", "dm-0"])
        #expect(families.value("node_disk_read_bytes_total", ["device": "sda"]) == 20480.0 * 512)
        #expect(families.value("node_disk_read_time_seconds_total", ["device": "sda"]) == 0.3)
        #expect(families.value("node_disk_io_time_weighted_seconds_total", ["device": "vda"]) == 13.874)
        #expect(families.value("node_disk_discarded_sectors_total", ["device": "vda"]) == 230_440)
        #expect(
            families.value("node_disk_flush_requests_time_seconds_total", ["device": "vda"]) == 43 * 0.001,
            "as node_exporter prints it: 0.043000000000000003")
        #expect(families.family("node_disk_io_now")?.type == .gauge)
    }

    @Test func discardAndFlushColumnsOnlyWhenTheKernelHasThem() throws {
        let families = try DiskstatsCollector.parse(CollectorFixtures.text("proc/diskstats"), filter: filter)
        // nvme0n1 has 11 counters (pre-4.18), dm-0 has 15 (no flush).
        #expect(families.value("node_disk_discards_completed_total", ["device": "nvme0n1"]) == nil)
        #expect(families.value("node_disk_discards_completed_total", ["device": "dm-0"]) == 0)
        #expect(families.value("node_disk_flush_requests_total", ["device": "dm-0"]) == nil)
        #expect(families.value("node_disk_io_now", ["device": "nvme0n1"]) == 1)
    }

    @Test func diskInfoCarriesUdevProperties() throws {
        let families = try DiskstatsCollector(paths: CollectorFixtures.paths, filter: filter).update()
        let sda = families.family("node_disk_info")?.samples.first { $0.labels["device"] == "sda" }
        #expect(sda?.labels["major"] == "8")
        #expect(sda?.labels["model"] == "Samsung_SSD")
        #expect(sda?.labels["serial"] == "S1234")
        #expect(sda?.labels["wwn"] == "0x5002538e40000000")
        let vda = families.family("node_disk_info")?.samples.first { $0.labels["device"] == "vda" }
        #expect(vda?.labels.map(\.name) == ["device", "major", "minor", "model", "path", "revision", "serial", "wwn"])
        #expect(vda?.labels["model"] == "")
    }

    @Test func manyDisks() throws {
        let families = try DiskstatsCollector.parse(CollectorFixtures.text("odd/diskstats-many"), filter: filter)
        #expect(families.family("node_disk_writes_completed_total")?.samples.count == 200)
        #expect(families.value("node_disk_written_bytes_total", ["device": "sdz"]) == 25.0 * 8 * 512)
    }

    @Test func aShortLineIsAnErrorWithPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try DiskstatsCollector.parse(CollectorFixtures.text("odd/diskstats-short"), filter: .none)
        }
        #expect(error?.position?.line == 1)
        #expect(error?.description.contains("found end of line") == true)
    }
}
