import Foundation
import TestSupport
import Testing

/// The shipped systemd units: valid for the real systemd-analyze, hardened, and using documented flags only.
@Suite("Shipped systemd units")
struct SystemdUnitTests {
    static let units: [DocumentedInterface] = [.exporter, .ruleEvaluator]

    /// `systemd-analyze verify` checks that ExecStart's binary exists. It does not here, so the test verifies a
    /// copy of the unit whose ExecStart points at a stand-in executable in a temporary directory; everything else
    /// in the unit is verified exactly as shipped.
    @Test(
        "systemd-analyze verify accepts the unit",
        .enabled(if: Peers.available("systemd-analyze")),
        arguments: units.map(\.program)
    )
    func unitVerifies(program: String) throws {
        let unit = try ShippedText("deploy/systemd/\(program).service")
        let installedPath = "/usr/local/bin/\(program)"
        #expect(unit.text.contains("ExecStart=\(installedPath) "))

        let directory = try ShippedPeer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let standIn = directory.appendingPathComponent(program)
        try "#!/bin/sh\nexit 0\n".write(to: standIn, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: standIn.path)
        let copy = directory.appendingPathComponent("\(program).service")
        try unit.text.replacingOccurrences(of: installedPath, with: standIn.path)
            .write(to: copy, atomically: true, encoding: .utf8)

        let result = try ShippedPeer.run("systemd-analyze", ["verify", copy.path])
        #expect(result.status == 0, "\(result.output)")
        // Unknown keys and bad values are only warnings (exit 0): any output at all is a defect.
        #expect(result.output.isEmpty, "\(result.output)")
    }

    static let hardening = [
        "DynamicUser=yes", "NoNewPrivileges=yes", "CapabilityBoundingSet=", "ProtectSystem=strict", "PrivateTmp=yes",
        "PrivateDevices=yes", "ProtectKernelTunables=yes", "ProtectKernelModules=yes", "ProtectControlGroups=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "RestrictNamespaces=yes", "MemoryDenyWriteExecute=yes",
        "SystemCallArchitectures=native", "SystemCallFilter=@system-service",
    ]

    @Test("the unit keeps its hardening", arguments: units.map(\.program))
    func unitIsHardened(program: String) throws {
        let directives = Set(try ShippedText("deploy/systemd/\(program).service").lines.map(String.init))
        for directive in Self.hardening {
            #expect(directives.contains(directive), "\(program).service lacks \(directive)")
        }
        #expect(directives.contains { $0.hasPrefix("ProtectHome=") })
    }

    @Test("the evaluator keeps its storage in its StateDirectory")
    func evaluatorStorageIsItsStateDirectory() throws {
        let unit = try ShippedText("deploy/systemd/tocsin-ruleeval.service")
        #expect(unit.lines.contains("StateDirectory=tocsin-ruleeval"))
        #expect(unit.text.contains("--storage.path=/var/lib/tocsin-ruleeval "))
    }

    @Test("ExecStart uses documented flags only", arguments: units)
    func execStartFlagsAreDocumented(interface: DocumentedInterface) throws {
        let unit = try ShippedText("deploy/systemd/\(interface.program).service")
        let execStart = unit.text.replacingOccurrences(of: "\\\n", with: " ")
            .split(separator: "\n").first { $0.hasPrefix("ExecStart=") }
        let flags = try #require(execStart).split(separator: " ").filter { $0.hasPrefix("--") }
        #expect(!flags.isEmpty)
        for flag in flags {
            #expect(interface.documents(flag: ShippedFlagArgument(flag).name), "\(interface.program) has no \(flag)")
        }
    }
}
