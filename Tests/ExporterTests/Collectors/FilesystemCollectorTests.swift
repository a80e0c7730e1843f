import Dispatch
import PromText
import Synchronization
import Testing

@testable import Exporter

/// A fake `statvfs`: every path has a fixed usage, `failing` paths fail, and `hanging` paths block until
/// ``release()``; calls are counted per path.
private final class FakeStatfs: Sendable {
    let failing: Set<String>
    let hanging: Set<String>
    let calls = Mutex<[String: Int]>([:])
    private let gate = DispatchSemaphore(value: 0)

    init(failing: Set<String> = [], hanging: Set<String> = []) {
        self.failing = failing
        self.hanging = hanging
    }

    func query(_ path: String) -> FilesystemUsage? {
        calls.withLock { $0[path, default: 0] += 1 }
        if hanging.contains(path) {
            gate.wait()
            gate.signal()
        }
        if failing.contains(path) { return nil }
        return FilesystemUsage(sizeBytes: 1000, freeBytes: 400, availableBytes: 300, files: 50, freeFiles: 20)
    }

    func release() {
        gate.signal()
    }
}

@Suite struct FilesystemCollectorTests {
    static let fixtureMounts = CollectorFixtures.root + "/proc/1/mounts"

    private func collector(_ fake: FakeStatfs, guardian: StuckMountGuard = StuckMountGuard(timeout: .seconds(5)))
        throws -> FilesystemCollector
    {
        FilesystemCollector(
            paths: SystemPaths(procfs: CollectorFixtures.root + "/proc"),
            mountPoints: try DeviceFilter(exclude: FilesystemCollector.defaultMountPointsExcludePattern),
            fsTypes: try DeviceFilter(exclude: FilesystemCollector.defaultFSTypesExcludePattern),
            guardian: guardian,
            statfs: { fake.query($0) })
    }

    @Test func mountTableDecodesEscapesAndKeepsOptions() throws {
        let mounts = try MountTable.parse(CollectorFixtures.text("proc/1/mounts"))
        #expect(mounts.count == 13)
        let usb = mounts.first { $0.device == "/dev/sdb1" }
        #expect(usb?.mountPoint == "/media/usb stick")
        #expect(usb?.fsType == "vfat")
        #expect(usb?.isReadOnly == true)
        #expect(mounts.first?.isReadOnly == false)
    }

    @Test func aShortMountLineIsAnErrorWithPosition() throws {
        let error = #expect(throws: CollectorError.self) {
            try MountTable.parse(CollectorFixtures.text("odd/mounts-short"))
        }
        #expect(error?.position?.line == 2)
    }

    @Test func defaultExclusionsDuplicatesAndLabels() throws {
        let families = try collector(FakeStatfs()).update()
        let mountPoints = families.family("node_filesystem_size_bytes")?.samples.map { $0.labels["mountpoint"] ?? "" }
        // Excluded: /sys, /proc, /dev (mount points), /run/credentials/..., /var/lib/docker/..., squashfs, cgroup2.
        #expect(mountPoints == ["/", "/run", "/home", "/media/usb stick", "/mnt/nfs"])
        #expect(families.value("node_filesystem_avail_bytes", ["mountpoint": "/home"]) == 300)
        #expect(families.value("node_filesystem_readonly", ["mountpoint": "/media/usb stick"]) == 1)
        #expect(families.value("node_filesystem_device_error", ["mountpoint": "/"]) == 0)
        let labels = families.family("node_filesystem_files")?.samples.first?.labels.map(\.name)
        #expect(labels == ["device", "mountpoint", "fstype"])
        #expect(families.allSatisfy { $0.type == .gauge })
    }

    @Test func aFailedStatfsOnlySetsDeviceError() throws {
        let families = try collector(FakeStatfs(failing: ["/mnt/nfs"])).update()
        #expect(families.value("node_filesystem_device_error", ["mountpoint": "/mnt/nfs"]) == 1)
        #expect(families.value("node_filesystem_size_bytes", ["mountpoint": "/mnt/nfs"]) == nil)
        #expect(families.value("node_filesystem_readonly", ["mountpoint": "/mnt/nfs"]) == nil)
    }

    @Test func rootfsPrefixIsStrippedForLabelsAndAddedForStatfs() throws {
        let paths = SystemPaths(rootfs: "/host")
        let mounts = try MountTable.parse(
            ProcText("/dev/sda1 /host ext4 rw 0 0\n/dev/sda2 /host/home ext4 rw 0 0\n", file: "mounts"), paths: paths)
        #expect(mounts.map(\.mountPoint) == ["/", "/home"])
        #expect(paths.rootfsPath("/") == "/host")
        #expect(paths.rootfsPath("/home") == "/host/home")
        #expect(SystemPaths().rootfsPath("/home") == "/home")
    }

    @Test(.timeLimit(.minutes(1))) func aHangingMountIsMarkedStuckUntilItsCallReturns() async throws {
        let fake = FakeStatfs(hanging: ["/mnt/nfs"])
        let guardian = StuckMountGuard(timeout: .milliseconds(50))
        let collector = try collector(fake, guardian: guardian)

        let first = try collector.update()
        #expect(first.value("node_filesystem_device_error", ["mountpoint": "/mnt/nfs"]) == 1)
        #expect(first.value("node_filesystem_size_bytes", ["mountpoint": "/home"]) == 1000)
        #expect(guardian.isStuck("/mnt/nfs"))

        // While stuck, the mount is reported as an error without calling statfs again.
        let second = try collector.update()
        #expect(second.value("node_filesystem_device_error", ["mountpoint": "/mnt/nfs"]) == 1)
        #expect(fake.calls.withLock { $0["/mnt/nfs"] } == 1)

        fake.release()
        for _ in 0..<200 where guardian.isStuck("/mnt/nfs") {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!guardian.isStuck("/mnt/nfs"))
        let third = try collector.update()
        #expect(third.value("node_filesystem_device_error", ["mountpoint": "/mnt/nfs"]) == 0)
        #expect(third.value("node_filesystem_size_bytes", ["mountpoint": "/mnt/nfs"]) == 1000)
    }

    @Test(.timeLimit(.minutes(1))) func mountsAfterAHangingOneAreStillMeasured() throws {
        let fake = FakeStatfs(hanging: ["/home"])
        defer { fake.release() }
        let guardian = StuckMountGuard(timeout: .milliseconds(50))
        let families = try collector(fake, guardian: guardian).update()
        #expect(families.value("node_filesystem_device_error", ["mountpoint": "/home"]) == 1)
        #expect(guardian.isStuck("/home"))
        for mountPoint in ["/", "/run", "/media/usb stick", "/mnt/nfs"] {
            #expect(families.value("node_filesystem_size_bytes", ["mountpoint": mountPoint]) == 1000)
            #expect(families.value("node_filesystem_device_error", ["mountpoint": mountPoint]) == 0)
        }
    }

    @Test func theRealStatvfsMeasuresTheRootFileSystem() throws {
        let usage = try #require(FilesystemUsage.query("/"))
        #expect(usage.sizeBytes > 0)
        #expect(usage.availableBytes <= usage.freeBytes)
        #expect(FilesystemUsage.query("/nonexistent/tocsin") == nil)
    }
}
