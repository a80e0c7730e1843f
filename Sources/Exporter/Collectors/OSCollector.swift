import Glibc
import PromText

/// The `os` collector: `node_os_info{build_id,id,id_like,image_id,image_version,name,pretty_name,variant,
/// variant_id,version,version_codename,version_id} 1` and `node_os_version{id,id_like,name}` from
/// `<rootfs>/etc/os-release`, falling back to `<rootfs>/usr/lib/os-release`.
public struct OSCollector: NodeCollector {
    /// The `node_os_info` labels and the os-release keys they come from, in label order.
    static let infoLabels = [
        ("build_id", "BUILD_ID"), ("id", "ID"), ("id_like", "ID_LIKE"), ("image_id", "IMAGE_ID"),
        ("image_version", "IMAGE_VERSION"), ("name", "NAME"), ("pretty_name", "PRETTY_NAME"), ("variant", "VARIANT"),
        ("variant_id", "VARIANT_ID"), ("version", "VERSION"), ("version_codename", "VERSION_CODENAME"),
        ("version_id", "VERSION_ID"),
    ]

    public let name = "os"
    private let paths: SystemPaths

    /// Creates the collector reading os-release under `paths.rootfs`.
    public init(paths: SystemPaths = SystemPaths()) {
        self.paths = paths
    }

    public func update() throws -> [MetricFamily] {
        let primary = paths.rootfsPath("etc/os-release")
        let fallback = paths.rootfsPath("usr/lib/os-release")
        let file = access(primary, F_OK) == 0 ? primary : fallback
        guard access(file, F_OK) == 0 else {
            throw CollectorError.noData("no os-release file under \(paths.rootfs)")
        }
        return try Self.parse(SystemFile.text(file))
    }

    /// The families for an os-release file; `node_os_version` only when `VERSION_ID` starts with a number.
    public static func parse(_ text: ProcText) throws(CollectorError) -> [MetricFamily] {
        let release = try OSRelease.parse(text)
        var info = Labels()
        for (label, key) in infoLabels { info.append(Label(label, release[key] ?? "")) }
        var families: [MetricFamily] = [
            .single(
                "node_os_info", .gauge,
                help: "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, "
                    + "name, pretty_name, variant, variant_id, version, version_codename, version_id.",
                value: 1, labels: info)
        ]
        if let version = majorMinor(release["VERSION_ID"] ?? ""), version > 0 {
            families.append(
                .single(
                    "node_os_version", .gauge, help: "Metric containing the major.minor part of the OS version.",
                    value: version,
                    labels: [
                        "id": release["ID"] ?? "", "id_like": release["ID_LIKE"] ?? "", "name": release["NAME"] ?? "",
                    ]
                ))
        }
        return families
    }

    /// The leading `^[0-9]+\.?[0-9]*` of a version, as a number (`"22.04.3"` → 22.04, `"rolling"` → nil).
    static func majorMinor(_ version: String) -> Double? {
        let digits = version.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty else { return nil }
        var prefix = String(digits)
        let rest = version.dropFirst(digits.count)
        if rest.first == "." {
            prefix += "." + rest.dropFirst().prefix(while: \.isASCIIDigit)
        }
        return Double(prefix)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
