import Glibc
import PromText

/// What `statfs` says about one mounted file system, already converted to bytes.
public struct FilesystemUsage: Sendable, Hashable {
    /// `f_blocks * f_bsize`.
    public var sizeBytes: Double
    /// `f_bfree * f_bsize`.
    public var freeBytes: Double
    /// `f_bavail * f_bsize`: space available to unprivileged users.
    public var availableBytes: Double
    /// `f_files`.
    public var files: Double
    /// `f_ffree`.
    public var freeFiles: Double

    /// Creates a usage record.
    public init(sizeBytes: Double, freeBytes: Double, availableBytes: Double, files: Double, freeFiles: Double) {
        self.sizeBytes = sizeBytes
        self.freeBytes = freeBytes
        self.availableBytes = availableBytes
        self.files = files
        self.freeFiles = freeFiles
    }

    /// Calls `statvfs(3)` on `path`; `nil` when it fails. glibc copies `f_blocks` and `f_bsize` unchanged from
    /// `statfs(2)`, so the products equal node_exporter's `Blocks * Bsize`.
    @Sendable public static func query(_ path: String) -> FilesystemUsage? {
        var buffer = Glibc.statvfs()
        guard statvfs(path, &buffer) == 0 else { return nil }
        let blockSize = Double(buffer.f_bsize)
        return FilesystemUsage(
            sizeBytes: Double(buffer.f_blocks) * blockSize,
            freeBytes: Double(buffer.f_bfree) * blockSize,
            availableBytes: Double(buffer.f_bavail) * blockSize,
            files: Double(buffer.f_files),
            freeFiles: Double(buffer.f_ffree))
    }
}

/// The `filesystem` collector: `node_filesystem_{size,free,avail}_bytes`, `_files`, `_files_free`, `_readonly`
/// and `_device_error` per mounted file system, labelled `device`, `mountpoint`, `fstype`.
///
/// Mounts come from `<procfs>/1/mounts` (falling back to `<procfs>/mounts` when process 1 is hidden). Mount points
/// and file system types matching node_exporter's default exclusions are skipped; each remaining mount point is
/// measured with `statvfs` under `rootfs` through a ``StuckMountGuard``. A failed or stuck mount only gets
/// `node_filesystem_device_error 1`.
public struct FilesystemCollector: NodeCollector {
    /// node_exporter 1.5's default `--collector.filesystem.mount-points-exclude` (Debian's package widens it to
    /// also skip `/run`, `/mnt` and `/media`).
    public static let defaultMountPointsExcludePattern =
        "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)"
    /// node_exporter 1.5's default `--collector.filesystem.fs-types-exclude`.
    public static let defaultFSTypesExcludePattern =
        "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|"
        + "overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$"

    public let name = "filesystem"
    /// `statvfs` on a dead network mount or a slow disk can hang.
    public var mayBlock: Bool { true }
    private let paths: SystemPaths
    private let mountPoints: DeviceFilter
    private let fsTypes: DeviceFilter
    private let guardian: StuckMountGuard
    private let statfs: @Sendable (String) -> FilesystemUsage?

    /// Creates the collector; `statfs` is replaceable so tests can simulate failing and hanging mounts.
    public init(
        paths: SystemPaths = SystemPaths(),
        mountPoints: DeviceFilter,
        fsTypes: DeviceFilter,
        guardian: StuckMountGuard = StuckMountGuard(),
        statfs: @escaping @Sendable (String) -> FilesystemUsage? = FilesystemUsage.query
    ) {
        self.paths = paths
        self.mountPoints = mountPoints
        self.fsTypes = fsTypes
        self.guardian = guardian
        self.statfs = statfs
    }

    /// Creates the collector with node_exporter's default exclusions.
    public init(paths: SystemPaths = SystemPaths(), guardian: StuckMountGuard = StuckMountGuard())
        throws(CollectorError)
    {
        self.init(
            paths: paths,
            mountPoints: try DeviceFilter(exclude: Self.defaultMountPointsExcludePattern),
            fsTypes: try DeviceFilter(exclude: Self.defaultFSTypesExcludePattern),
            guardian: guardian)
    }

    public func update() throws -> [MetricFamily] {
        let mounts: ProcText
        do {
            mounts = try SystemFile.text(paths.proc("1/mounts"))
        } catch  where error.errno == ENOENT {
            mounts = try SystemFile.text(paths.proc("mounts"))
        }
        return Self.families(measure(try MountTable.parse(mounts, paths: paths)))
    }

    /// The mounts that pass the filters, each with its usage or `nil` for a failed or stuck `statfs`; a mount
    /// listed twice with the same device, mount point and type is measured once.
    func measure(_ entries: [MountEntry]) -> [(entry: MountEntry, usage: FilesystemUsage?)] {
        var seen = Set<[String]>()
        let selected = entries.filter { entry in
            !mountPoints.ignores(entry.mountPoint) && !fsTypes.ignores(entry.fsType)
                && seen.insert([entry.device, entry.mountPoint, entry.fsType]).inserted
        }
        let queried = selected.indices.filter { !guardian.isStuck(selected[$0].mountPoint) }
        let (paths, statfs) = (paths, statfs)
        let results = guardian.run(queried.map { selected[$0].mountPoint }) { statfs(paths.rootfsPath($0)) }
        var usages = [FilesystemUsage?](repeating: nil, count: selected.count)
        for (index, result) in zip(queried, results) {
            usages[index] = result ?? nil
        }
        return Array(zip(selected, usages))
    }

    /// The seven families, in node_exporter's emission order.
    static func families(_ measured: [(entry: MountEntry, usage: FilesystemUsage?)]) -> [MetricFamily] {
        typealias Gauge = (name: String, help: String, value: (MountEntry, FilesystemUsage) -> Double)
        let gauges: [Gauge] = [
            ("size_bytes", "Filesystem size in bytes.", { $1.sizeBytes }),
            ("free_bytes", "Filesystem free space in bytes.", { $1.freeBytes }),
            ("avail_bytes", "Filesystem space available to non-root users in bytes.", { $1.availableBytes }),
            ("files", "Filesystem total file nodes.", { $1.files }),
            ("files_free", "Filesystem total free file nodes.", { $1.freeFiles }),
            ("readonly", "Filesystem read-only status.", { entry, _ in entry.isReadOnly ? 1 : 0 }),
        ]
        func labels(_ entry: MountEntry) -> Labels {
            ["device": entry.device, "mountpoint": entry.mountPoint, "fstype": entry.fsType]
        }
        let deviceError = MetricFamily.labelled(
            "node_filesystem_device_error", .gauge,
            help: "Whether an error occurred while getting statistics for the given device.",
            samples: measured.map { (labels($0.entry), $0.usage == nil ? 1 : 0) })
        return [deviceError]
            + gauges.map { gauge in
                .labelled(
                    "node_filesystem_" + gauge.name, .gauge, help: gauge.help,
                    samples: measured.compactMap { entry, usage in
                        usage.map { (labels(entry), gauge.value(entry, $0)) }
                    })
            }
    }
}
