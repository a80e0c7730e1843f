// fuzz-modules: PromText Exporter
import Exporter

/// Feeds arbitrary bytes to every kernel-file parser of the system collectors: none may crash or hang, whatever
/// the bytes; a malformed file must come back as a thrown `CollectorError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCollectorParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = ProcText(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz")
    _ = try? ProcStat.parse(text)
    _ = try? MeminfoCollector.parse(text)
    _ = try? LoadavgCollector.parse(text)
    _ = try? NetdevCollector.parse(text)
    _ = try? DiskstatsCollector.parse(text, filter: .none)
    _ = try? MountTable.parse(text, paths: SystemPaths(rootfs: "/host"))
    _ = try? OSCollector.parse(text)
    _ = try? ProcessCollector.snapshot(stat: text, limits: text, bootTime: 0, openFDs: 0, pageSize: 4096)
    return 0
}
