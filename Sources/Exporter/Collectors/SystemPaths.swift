/// Where the collectors find the kernel's files: node_exporter's `--path.procfs`, `--path.sysfs`,
/// `--path.rootfs` and `--path.udev.data`.
///
/// Tests point these at fixture trees. When `rootfs` is not `/` (the exporter runs in a container with the
/// host's root mounted there), mount points read from procfs have the prefix stripped for their labels and are
/// looked up under it for `statvfs`, as node_exporter does.
public struct SystemPaths: Sendable, Hashable {
    /// The procfs mount point, `/proc` by default.
    public var procfs: String
    /// The sysfs mount point, `/sys` by default.
    public var sysfs: String
    /// The root of the monitored host's file system, `/` by default.
    public var rootfs: String
    /// The udev database directory, `/run/udev/data` by default.
    public var udevData: String

    /// Creates paths; every argument defaults to node_exporter's default.
    public init(
        procfs: String = "/proc",
        sysfs: String = "/sys",
        rootfs: String = "/",
        udevData: String = "/run/udev/data"
    ) {
        self.procfs = procfs
        self.sysfs = sysfs
        self.rootfs = rootfs
        self.udevData = udevData
    }

    /// A file under procfs, e.g. `proc("stat")`.
    public func proc(_ relative: String) -> String {
        Self.join(procfs, relative)
    }

    /// A file under sysfs, e.g. `sys("devices/system/clocksource")`.
    public func sys(_ relative: String) -> String {
        Self.join(sysfs, relative)
    }

    /// A host path resolved under the root file system (`rootfsFilePath`).
    public func rootfsPath(_ path: String) -> String {
        Self.join(rootfs, path)
    }

    /// A mount point as seen from inside `rootfs`, used as the `mountpoint` label (`rootfsStripPrefix`).
    public func strippingRootfs(_ path: String) -> String {
        guard rootfs != "/", path.hasPrefix(rootfs) else { return path }
        let stripped = path.dropFirst(rootfs.count)
        return stripped.isEmpty ? "/" : String(stripped)
    }

    /// Joins path elements and cleans the result lexically (`.`, `..`, repeated slashes), like Go's `filepath.Join`.
    static func join(_ base: String, _ relative: String) -> String {
        // Fast path for what the collectors join on every scrape (`/proc` + `stat`, `/` + a mount point): both
        // parts already clean, so joining is concatenation.
        let relativeBytes = relative.utf8.first == UInt8(ascii: "/") ? relative.utf8.dropFirst() : relative.utf8[...]
        if hasOnlyPlainComponents(relativeBytes) {
            if base == "/" { return "/" + Substring(relativeBytes) }
            if base.utf8.first == UInt8(ascii: "/"), hasOnlyPlainComponents(base.utf8.dropFirst()) {
                return base + "/" + Substring(relativeBytes)
            }
        }
        var components: [Substring] = []
        for component in (base + "/" + relative).split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        return base.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// Whether `path` is one or more `/`-separated components, none empty, `.` or `..`.
    private static func hasOnlyPlainComponents(_ path: Substring.UTF8View) -> Bool {
        var componentLength = 0
        var dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") {
                guard componentLength > 0, dots < componentLength || componentLength > 2 else { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && (dots < componentLength || componentLength > 2)
    }
}
