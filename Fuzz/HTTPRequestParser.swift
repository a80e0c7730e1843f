// fuzz-modules: PromText Exporter
import Exporter

/// Feeds the input to the request parser in chunks whose sizes come from the first byte, and checks that a
/// parser only fails with the statuses it documents, keeps bodies within the limit and never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let first = bytes.first else { return 0 }
    let chunkSize = Int(first % 16) + 1
    var parser = HTTPRequestParser(
        limits: HTTPRequestLimits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderCount: 8, maxBodyBytes: 256))
    var offset = 1
    while offset < size {
        let end = min(size, offset + chunkSize)
        parser.append(bytes[offset..<end])
        offset = end
        stepping: for _ in 0..<1000 {
            switch parser.next() {
            case .needMoreData:
                break stepping
            case .continueExpected:
                continue
            case .request(let request):
                precondition(request.body.count <= 256)
                _ = request.keepAlive
            case .failure(let error):
                precondition([400, 411, 413, 414, 417, 431, 501, 505].contains(error.status.code))
                _ = error.description
                return 0
            }
        }
    }
    return 0
}
