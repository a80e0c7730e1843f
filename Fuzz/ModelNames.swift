// fuzz-modules: PromText
import PromText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = MetricName.isValidLegacyMetricName(text)
    _ = MetricName.isValidLegacyLabelName(text)
    _ = SourcePosition(offset: size / 2, in: UnsafeBufferPointer(start: data, count: size))
    return 0
}
