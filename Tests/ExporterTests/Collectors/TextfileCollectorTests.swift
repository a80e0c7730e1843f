import Foundation
import PromText
import Testing

@testable import Exporter

@Suite struct TextfileCollectorTests {
    private func file(_ name: String, _ text: String, mtime: Double = 1_700_000_000) -> TextfileCollector.File {
        TextfileCollector.File(name: name, path: "/t/\(name)", bytes: Array(text.utf8), modificationTime: mtime)
    }

    private func value(_ families: [MetricFamily], _ name: String) -> Double? {
        families.first { $0.name == name }?.samples.first?.value
    }

    @Test func goodFilesAreServedWithTheirModificationTimes() {
        let families = TextfileCollector.families(
            from: [
                file("b.prom", "# HELP backup_ok Backup.\n# TYPE backup_ok gauge\nbackup_ok 1\n", mtime: 2),
                file("a.prom", "jobs_done_total{job=\"x\"} 3\n", mtime: 1),
            ],
            directoryError: false)
        #expect(
            families.map(\.name) == [
                "jobs_done_total", "backup_ok", "node_textfile_mtime_seconds", "node_textfile_scrape_error",
            ])
        #expect(families.first { $0.name == "jobs_done_total" }?.help == "Metric read from /t/a.prom")
        let mtimes = families.first { $0.name == "node_textfile_mtime_seconds" }?.samples
        #expect(mtimes?.map(\.labels) == [["file": "a.prom"], ["file": "b.prom"]])
        #expect(mtimes?.map(\.value) == [1, 2])
        #expect(value(families, "node_textfile_scrape_error") == 0)
    }

    @Test func aBadFileIsSkippedAndReportedWithoutBreakingTheOthers() {
        var reports: [String] = []
        let families = TextfileCollector.families(
            from: [file("bad.prom", "broken{ 1\n"), file("good.prom", "ok 1\n"), file("ts.prom", "stamped 1 1000\n")],
            directoryError: false, report: { reports.append($0) })
        #expect(families.map(\.name) == ["ok", "node_textfile_mtime_seconds", "node_textfile_scrape_error"])
        #expect(value(families, "node_textfile_scrape_error") == 1)
        #expect(reports.count == 2)
        #expect(reports[0].hasPrefix("failed to parse textfile data from /t/bad.prom: 1:"))
        #expect(reports[1].contains("unsupported client-side timestamps"))
    }

    @Test func familiesWithTheSameNameAreMergedAcrossFiles() {
        let families = TextfileCollector.families(
            from: [file("a.prom", "x{f=\"a\"} 1\n"), file("b.prom", "x{f=\"b\"} 2\n")], directoryError: false)
        #expect(families.first?.samples.map(\.value) == [1, 2])
    }

    @Test func readsAndValidatesARealDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "node_role{role=\"db\"} 1\n".write(
            to: directory.appendingPathComponent("role.prom"), atomically: true, encoding: .utf8)
        try "ignored 1\n".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let families = try TextfileCollector(directory: directory.path).update()
        #expect(families.map(\.name) == ["node_role", "node_textfile_mtime_seconds", "node_textfile_scrape_error"])
        let missing = try TextfileCollector(directory: directory.path + "/nope").update()
        #expect(value(missing, "node_textfile_scrape_error") == 1)
        #expect(try TextfileCollector(directory: nil).update().map(\.name) == ["node_textfile_scrape_error"])
    }
}
