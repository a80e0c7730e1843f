internal import CZlib

/// Bounded gzip decompression of a response body with the system zlib.
public enum GzipDecompressor {
    /// Why a body could not be decompressed.
    public enum Failure: Error, Sendable, Hashable {
        /// The bytes are not a complete, valid gzip stream.
        case invalidStream
        /// The decompressed size would exceed the limit (a "gzip bomb" or simply too large).
        case tooLarge(limit: Int)
    }

    /// The decompressed bytes of the gzip stream `bytes`, refusing to produce more than `maximumSize` bytes.
    public static func decompress(_ bytes: [UInt8], maximumSize: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw .invalidStream }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let result: Result<[UInt8], Failure> = input.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { chunk in
                    stream.next_out = chunk.baseAddress
                    stream.avail_out = UInt32(chunk.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= maximumSize else { return .failure(.tooLarge(limit: maximumSize)) }
                output += chunk[..<produced]
                if status == Z_STREAM_END { return .success(output) }
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { return .failure(.invalidStream) }
            }
        }
        return try result.get()
    }
}
