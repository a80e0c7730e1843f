// fuzz-modules: PromText
import PromText

/// Feeds arbitrary bytes to the exposition parser in both formats and both strictness levels, reading every
/// accessor of every entry. The first byte picks the format and strictness so the fuzzer can steer them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpositionParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let selector = bytes.first ?? 0
    let format: ExpositionFormat = selector & 1 == 0 ? .text : .openMetrics
    let strictness: ExpositionStrictness = selector & 2 == 0 ? .prometheus : .openMetricsSpec
    var parser = ExpositionParser(bytes: bytes.dropFirst(), format: format, strictness: strictness)
    var entries = 0
    do {
        while let entry = try parser.next() {
            entries += 1
            precondition(entries <= size, "more entries than bytes")
            switch entry {
            case .sample: _ = parser.sample
            case .help: _ = (parser.metricName, parser.help)
            case .type: _ = (parser.metricName, parser.metricType)
            case .unit: _ = (parser.metricName, parser.unit)
            case .comment: _ = parser.comment
            }
        }
    } catch {
        precondition(error.position.offset <= size, "error position past the input")
        _ = error.description
    }
    _ = try? ExpositionParser.parseFamilies(bytes.dropFirst(), format: format, strictness: strictness)
    return 0
}
