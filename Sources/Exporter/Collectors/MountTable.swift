/// One line of `/proc/<pid>/mounts`.
public struct MountEntry: Sendable, Hashable {
    /// The mounted device (`/dev/vda`, `tmpfs`, `server:/export`).
    public var device: String
    /// The mount point, with fstab escapes (`\040`, `\011`) decoded and the rootfs prefix stripped.
    public var mountPoint: String
    /// The file system type (`ext4`, `nfs4`).
    public var fsType: String
    /// The comma-separated mount options (`rw,relatime`).
    public var options: String

    /// Creates an entry.
    public init(device: String, mountPoint: String, fsType: String, options: String) {
        self.device = device
        self.mountPoint = mountPoint
        self.fsType = fsType
        self.options = options
    }

    /// Whether the options contain `ro`, as node_exporter decides `node_filesystem_readonly`.
    public var isReadOnly: Bool {
        options.split(separator: ",").contains("ro")
    }
}

/// The parser of the kernel's mount table.
public enum MountTable {
    /// Parses `/proc/1/mounts`; a line with fewer than four fields throws with its position.
    public static func parse(_ text: ProcText, paths: SystemPaths = SystemPaths()) throws(CollectorError)
        -> [MountEntry]
    {
        var entries: [MountEntry] = []
        for line in text.lines {
            try line.require(fields: 4, expected: "device, mount point, type and options")
            var mountPoint = line.fields[1].string
            // Only a backslash can start an escape; most mount points have none and skip the substring search.
            if text.bytes[line.fields[1].range].contains(UInt8(ascii: "\\")) {
                mountPoint = mountPoint.replacing(#"\040"#, with: " ").replacing(#"\011"#, with: "\t")
            }
            entries.append(
                MountEntry(
                    device: line.fields[0].string,
                    mountPoint: paths.strippingRootfs(mountPoint),
                    fsType: line.fields[2].string,
                    options: line.fields[3].string))
        }
        return entries
    }
}
