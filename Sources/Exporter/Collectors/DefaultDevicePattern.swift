/// node_exporter's default exclusion patterns (mount points, file system types, disk devices), matched without
/// the regex engine.
///
/// Only the exact default pattern texts are recognised, and only names of printable ASCII characters are
/// decided here (every name the kernel lists in practice); any other name returns `nil` and is matched by the
/// compiled `Regex`, so the results are the regex's in every case. Keeping the regex engine off the scrape path
/// saves its CPU time and keeps its code and compiled programs out of the exporter's resident memory.
enum DefaultDevicePattern: Sendable {
    /// ``FilesystemCollector/defaultMountPointsExcludePattern``.
    case mountPoints
    /// ``FilesystemCollector/defaultFSTypesExcludePattern``.
    case fsTypes
    /// ``DiskstatsCollector/defaultExcludePattern``.
    case diskDevices

    /// The matcher for `pattern`, when it is one of the default texts.
    init?(_ pattern: String) {
        switch pattern {
        case FilesystemCollector.defaultMountPointsExcludePattern: self = .mountPoints
        case FilesystemCollector.defaultFSTypesExcludePattern: self = .fsTypes
        case DiskstatsCollector.defaultExcludePattern: self = .diskDevices
        default: return nil
        }
    }

    private static let mountPointPrefixes: [(prefix: String, needsMore: Bool)] = [
        ("/dev", false), ("/proc", false), ("/sys", false),
        ("/run/credentials/", true), ("/var/lib/docker/", true), ("/var/lib/containers/storage/", true),
    ]

    private static let excludedFSTypes: Set<String> = [
        "autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs", "debugfs", "devpts", "devtmpfs", "fusectl",
        "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay", "proc", "procfs", "pstore", "rpc_pipefs", "securityfs",
        "selinuxfs", "squashfs", "sysfs", "tracefs",
    ]

    /// Whether the pattern matches `name` (Go `MatchString`: anywhere, the patterns anchor themselves), or `nil`
    /// when `name` has a character outside printable ASCII.
    func matches(_ name: String) -> Bool? {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        switch self {
        case .mountPoints:
            // `^/(dev|proc|sys)($|/)` or `^/(run/credentials|...)/.+($|/)`: `.+` can always run to the end.
            return Self.mountPointPrefixes.contains { prefix, needsMore in
                guard bytes.starts(with: prefix.utf8) else { return false }
                let rest = bytes.dropFirst(prefix.utf8.count)
                return needsMore ? !rest.isEmpty : rest.first.map { $0 == UInt8(ascii: "/") } ?? true
            }
        case .fsTypes:
            return Self.excludedFSTypes.contains(name)
        case .diskDevices:
            return Self.isExcludedDiskDevice(Array(bytes))
        }
    }

    /// `^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$` on ASCII bytes.
    private static func isExcludedDiskDevice(_ name: [UInt8]) -> Bool {
        var index = 0
        /// Consumes `text` at `index` if it is there.
        func take(_ text: String) -> Bool {
            guard name[index...].starts(with: text.utf8) else { return false }
            index += text.utf8.count
            return true
        }
        /// Consumes one or more digits.
        func takeDigits() -> Bool {
            let start = index
            while index < name.count && name[index] >= UInt8(ascii: "0") && name[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index > start
        }
        if take("ram") || take("loop") || take("fd") {
            // The prefix is followed by the digits below.
        } else if take("hd") || take("sd") || take("vd") || take("xvd") {
            guard index < name.count, name[index] >= UInt8(ascii: "a"), name[index] <= UInt8(ascii: "z") else {
                return false
            }
            index += 1
        } else if take("nvme") {
            guard takeDigits(), take("n"), takeDigits(), take("p") else { return false }
        } else {
            return false
        }
        return takeDigits() && index == name.count
    }
}
