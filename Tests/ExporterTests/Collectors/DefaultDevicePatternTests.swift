import Testing

@testable import Exporter

/// The hand-written matchers of node_exporter's default patterns agree with the regex engine on every case.
@Suite struct DefaultDevicePatternTests {
    static let mountPoints = [
        "/", "/dev", "/dev/", "/dev/shm", "/devices", "/proc", "/proc/sys/fs/binfmt_misc", "/procfs", "/sys",
        "/sys/fs/cgroup", "/system", "/run", "/run/credentials", "/run/credentials/", "/run/credentials/x",
        "/run/credentials/a/b", "/var/lib/docker", "/var/lib/docker/", "/var/lib/docker/overlay2/abc/merged",
        "/var/lib/containers/storage/", "/var/lib/containers/storage/overlay", "/home", "/mnt/dev", "dev", "//dev",
        "/Dev", "/var/lib/dockerx/a", " /dev", "/dev\n", "/dev\nx", "/run/credentials/\n", "/run/credentials/é",
        "/dév", "/dev\u{301}", "/dev\r\n", "",
    ]
    static let fsTypes = [
        "ext4", "xfs", "tmpfs", "autofs", "cgroup", "cgroup2", "cgroup3", "cgroup22", "overlay", "overlayfs",
        "proc", "procfs", "sysfs", "tracefs", "bpf", "nsfs", "fuse.sshfs", "Proc", " proc", "proc\n", "pröc", "",
        "squashfs", "iso9660", "rpc_pipefs", "binfmt_misc",
    ]
    static let diskDevices = [
        "sda", "sda1", "sdz9", "sdA1", "sdaa1", "hda1", "vdb12", "xvda1", "xvd1", "xda1", "nvme0n1", "nvme0n1p1",
        "nvme10n2p33", "nvmen1p1", "nvme0np1", "nvme0n1p", "ram0", "ram", "ramdisk0", "loop7", "loop", "fd0",
        "fd", "dm-0", "md0", "sr0", "mmcblk0p1", "loop0\n", "loop٣", "sda1 ", "", "sdé1", "ram00",
    ]

    private func expectAgreement(_ pattern: String, _ names: [String]) throws {
        let regex = try Regex(pattern)
        let matcher = try DevicePatternMatcher(pattern)
        let fast = try #require(DefaultDevicePattern(pattern))
        for name in names {
            let expected = name.contains(regex)
            #expect(matcher.matches(name) == expected, "\(pattern) on \(name.debugDescription)")
            if let decided = fast.matches(name) {
                #expect(decided == expected, "fast path on \(name.debugDescription)")
            }
        }
    }

    @Test func mountPointsAgreeWithTheRegex() throws {
        try expectAgreement(FilesystemCollector.defaultMountPointsExcludePattern, Self.mountPoints)
    }

    @Test func fsTypesAgreeWithTheRegex() throws {
        try expectAgreement(FilesystemCollector.defaultFSTypesExcludePattern, Self.fsTypes)
    }

    @Test func diskDevicesAgreeWithTheRegex() throws {
        try expectAgreement(DiskstatsCollector.defaultExcludePattern, Self.diskDevices)
    }

    @Test func printableASCIINamesNeverReachTheRegex() {
        #expect(DefaultDevicePattern.mountPoints.matches("/var/lib/docker/x") == true)
        #expect(DefaultDevicePattern.diskDevices.matches("nvme0n1") == false)
        #expect(DefaultDevicePattern.fsTypes.matches("pröc") == nil)
        #expect(DefaultDevicePattern.mountPoints.matches("/dev\n") == nil)
    }

    @Test func otherPatternsUseTheRegex() throws {
        #expect(DefaultDevicePattern("^veth") == nil)
        let filter = try DeviceFilter(exclude: "^veth", include: "[0-9]$")
        #expect(filter.ignores("veth1"))
        #expect(filter.ignores("eth"))
        #expect(!filter.ignores("eth0"))
        #expect(filter.excludePattern == "^veth")
        #expect(filter.includePattern == "[0-9]$")
    }
}
