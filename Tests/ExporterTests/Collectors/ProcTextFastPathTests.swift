import PromText
import Testing

@testable import Exporter

/// The byte-level fast paths give what the `String`-based parsing they replace gave.
@Suite struct ProcTextFastPathTests {
    @Test(arguments: [
        "0", "7", "0123", "999999999999999", "1000000000000000", "18446744073709551615", "1.5", "-3", "+4", "1e3",
        "12a", "nan", "inf", "0x10",
    ])
    func fieldsReadAsDoublesLikeTheStringParser(_ field: String) {
        let parsed = try? ProcText(field + "\n", file: "f").lines[0].fields[0].double()
        #expect(parsed?.bitPattern == Double(field)?.bitPattern)
    }

    @Test func aFieldLimitDropsTheRestOfLongLinesOnly() {
        let text = ProcText("intr 5 1 2 3\nctxt 9\n\nbtime  \t 42", file: "stat")
        let limited = text.lines(fieldLimit: 2).map { $0.fields.map(\.string) }
        #expect(limited == [["intr", "5"], ["ctxt", "9"], ["btime", "42"]])
        #expect(text.lines.map(\.fields.count) == [5, 2, 2])
        #expect(text.lines(fieldLimit: 2).map(\.offset) == text.lines.map(\.offset))
    }

    @Test(arguments: [
        ("Max open files            1024                 1048576              files", ["Max open files", "1024"]),
        ("Max cpu time             unlimited", ["Max cpu time", "unlimited"]),
        ("   Max stack size  8388608", ["Max stack size", "8388608"]),
        ("a   b  c", ["a", "b"]),
        ("a b c", ["a b c"]),
        ("\tx  5", ["\tx", "5"]),
    ])
    func limitColumnsSplitOnRunsOfSpacesAsStringSplittingDid(_ line: String, _ expected: [String]) {
        let bytes = Array(line.utf8)[...]
        let columns = ProcessCollector.limitColumns(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(columns == expected)
        let bySplitting = line.split(separator: "  ").map { $0.trimmingPrefix(" ") }.filter { !$0.isEmpty }
        #expect(columns == bySplitting.prefix(2).map(String.init))
    }
}

/// The byte-level meminfo key and name check agree with the `String` and `MetricName` versions.
@Suite struct MeminfoFastPathTests {
    @Test(arguments: [
        "MemTotal:", "Active(anon):", "Weird(x)(y):", "A)b(c:", "(x):", ":", "X", "MemTotalé", "Nä(me):", "a(b)c:",
    ])
    func keysMatchTheCharacterBasedKeys(_ field: String) {
        #expect(MeminfoCollector.metricKey(Array(field.utf8)[...]) == MeminfoCollector.metricKey(field))
    }

    @Test(arguments: ["MemTotal_bytes", "Active_anon", "", "a:b", "Weird_x)(y", "ä", "a-b", "0x", "a b", "Z9_"])
    func nameTailsAreValidExactlyWhenTheFullNameIs(_ key: String) {
        #expect(
            MeminfoCollector.isLegacyMetricNameTail(key) == MetricName.isValidLegacyMetricName("node_memory_" + key))
    }
}

/// Joining clean paths by concatenation gives what lexical cleaning gives.
@Suite struct SystemPathsJoinTests {
    @Test(arguments: [
        ("/proc", "stat", "/proc/stat"), ("/", "/home", "/home"), ("/", "home/x", "/home/x"),
        ("/proc", "1/mounts", "/proc/1/mounts"), ("/host/proc", "self/fd", "/host/proc/self/fd"),
        ("/proc/", "stat", "/proc/stat"), ("/proc", "./stat", "/proc/stat"), ("/proc", "../sys", "/sys"),
        ("/proc", "a//b", "/proc/a/b"), ("/proc", "", "/proc"), ("/proc", "...", "/proc/..."),
        ("/proc", ".x/..y", "/proc/.x/..y"), ("fixtures/proc", "stat", "fixtures/proc/stat"),
        ("/", "/", "/"), ("/host", "/var/lib/..", "/host/var"), ("/", "a/.", "/a"),
    ])
    func joinCleansLikeGo(_ base: String, _ relative: String, _ expected: String) {
        #expect(SystemPaths.join(base, relative) == expected)
    }
}

/// Mount points are decoded only where they have escapes, with the same result.
@Suite struct MountTableFastPathTests {
    @Test func escapedAndPlainMountPoints() throws {
        let text = ProcText(
            #"/dev/vda / ext4 rw 0 0"# + "\n" + #"srv:/x /mnt/my\040disk\011x nfs ro 0 0"# + "\n"
                + #"tmpfs /a\\b tmpfs rw 0 0"# + "\n",
            file: "mounts")
        let entries = try MountTable.parse(text)
        #expect(entries.map(\.mountPoint) == ["/", "/mnt/my disk\tx", #"/a\\b"#])
        #expect(entries.map(\.isReadOnly) == [false, true, false])
    }
}
