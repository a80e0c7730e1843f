import PromText

@testable import Exporter

/// Locates the fixture tree next to this file and reads fixtures from it.
enum CollectorFixtures {
    /// `Tests/ExporterTests/Collectors/Fixtures`.
    static let root: String = {
        let file = #filePath
        return String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/Fixtures"
    }()

    /// Paths pointing procfs, sysfs, rootfs and udev at the fixture tree.
    static let paths = SystemPaths(
        procfs: root + "/proc", sysfs: root + "/sys", rootfs: root + "/rootfs", udevData: root + "/udev")

    /// The fixture at `relative` as parser input.
    static func text(_ relative: String) throws -> ProcText {
        try SystemFile.text(root + "/" + relative)
    }
}

extension [MetricFamily] {
    /// The family called `name`, if emitted.
    func family(_ name: String) -> MetricFamily? {
        first { $0.name == name }
    }

    /// The value of the sample `name` whose labels include all of `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        family(name)?.samples.first { sample in
            labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }?.value
    }
}
