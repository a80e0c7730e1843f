/// A compressed run of float samples: timestamps as delta-of-delta, values as XOR with the previous value
/// (the Gorilla encoding Prometheus's TSDB uses in `chunkenc/xor.go`).
///
/// Regular scrapes of slowly changing values cost one to two bits per sample instead of sixteen bytes. Values are
/// stored bit-exactly, so stale markers (a special NaN) survive. Samples must be appended in increasing timestamp
/// order; the owning series enforces that.
struct XORChunk: Sendable {
    /// The samples a chunk holds before the series starts a new one.
    static let capacity = 120

    // Fields are ordered and sized so a chunk takes 48 bytes: every series holds one inline.
    /// The first sample's timestamp (valid when `count > 0`).
    private(set) var firstTimestamp: Int64 = 0
    /// The last sample's timestamp (valid when `count > 0`).
    private(set) var lastTimestamp: Int64 = 0
    /// The last sample's value bits (valid when `count > 0`).
    private(set) var lastValueBits: UInt64 = 0
    private var lastDelta: Int64 = 0
    private var stream = BitWriter()
    private var leadingZeros: UInt8 = 0xff
    private var trailingZeros: UInt8 = 0
    private var storedCount: UInt16 = 0

    /// The number of samples appended.
    var count: Int { Int(storedCount) }

    /// Whether the chunk has reached ``capacity``.
    var isFull: Bool { count >= Self.capacity }

    /// The encoded size in bytes.
    var byteCount: Int { stream.bytes.count }

    /// Appends a sample whose timestamp is greater than ``lastTimestamp``.
    mutating func append(timestamp: Int64, value: Double) {
        let bits = value.bitPattern
        switch count {
        case 0:
            stream.write(bits: UInt64(bitPattern: timestamp), count: 64)
            stream.write(bits: bits, count: 64)
            firstTimestamp = timestamp
        case 1:
            let delta = timestamp &- lastTimestamp
            writeDeltaOfDelta(delta)
            writeValue(bits)
            lastDelta = delta
        default:
            let delta = timestamp &- lastTimestamp
            writeDeltaOfDelta(delta &- lastDelta)
            writeValue(bits)
            lastDelta = delta
        }
        lastTimestamp = timestamp
        lastValueBits = bits
        storedCount += 1
    }

    /// Frees spare buffer capacity; call when the chunk is complete.
    mutating func seal() {
        stream.shrink()
    }

    /// Decodes every sample in order.
    func forEachSample(_ body: (Int64, Double) -> Void) {
        var reader = BitReader(stream.bytes)
        var timestamp: Int64 = 0
        var delta: Int64 = 0
        var valueBits: UInt64 = 0
        var leading = 0
        var trailing = 0
        for index in 0..<count {
            switch index {
            case 0:
                timestamp = Int64(bitPattern: reader.readBits(64))
                valueBits = reader.readBits(64)
            default:
                let deltaOfDelta = Self.readDeltaOfDelta(&reader)
                delta = index == 1 ? deltaOfDelta : delta &+ deltaOfDelta
                timestamp &+= delta
                valueBits = Self.readValue(&reader, previous: valueBits, leading: &leading, trailing: &trailing)
            }
            if reader.overrun { return }
            body(timestamp, Double(bitPattern: valueBits))
        }
    }

    /// Bucketed delta-of-delta widths: `0`, then `10`+14 bits, `110`+17, `1110`+20, `1111`+64.
    private static let buckets: [(prefix: UInt64, prefixBits: Int, width: Int)] = [
        (0b10, 2, 14), (0b110, 3, 17), (0b1110, 4, 20),
    ]

    private mutating func writeDeltaOfDelta(_ value: Int64) {
        if value == 0 {
            stream.write(bit: false)
            return
        }
        for bucket in Self.buckets where Self.fits(value, width: bucket.width) {
            stream.write(bits: bucket.prefix, count: bucket.prefixBits)
            stream.write(bits: UInt64(bitPattern: value), count: bucket.width)
            return
        }
        stream.write(bits: 0b1111, count: 4)
        stream.write(bits: UInt64(bitPattern: value), count: 64)
    }

    private static func readDeltaOfDelta(_ reader: inout BitReader) -> Int64 {
        var prefixOnes = 0
        while prefixOnes < 4 && reader.readBit() { prefixOnes += 1 }
        let width: Int
        switch prefixOnes {
        case 0: return 0
        case 1, 2, 3: width = buckets[prefixOnes - 1].width
        default: width = 64
        }
        let raw = reader.readBits(width)
        guard width < 64 else { return Int64(bitPattern: raw) }
        let shift = UInt64(64 - width)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    /// Whether `value` fits in a two's-complement field of `width` bits.
    private static func fits(_ value: Int64, width: Int) -> Bool {
        let limit = Int64(1) << Int64(width - 1)
        return value >= -limit && value < limit
    }

    private mutating func writeValue(_ bits: UInt64) {
        let xor = bits ^ lastValueBits
        guard xor != 0 else {
            stream.write(bit: false)
            return
        }
        stream.write(bit: true)
        let leading = min(xor.leadingZeroBitCount, 31)
        let trailing = xor.trailingZeroBitCount
        let previousLeading = Int(leadingZeros)
        let previousTrailing = Int(trailingZeros)
        if previousLeading != 0xff && leading >= previousLeading && trailing >= previousTrailing {
            stream.write(bit: false)
            stream.write(bits: xor >> UInt64(previousTrailing), count: 64 - previousLeading - previousTrailing)
        } else {
            leadingZeros = UInt8(leading)
            trailingZeros = UInt8(trailing)
            let significant = 64 - leading - trailing
            stream.write(bit: true)
            stream.write(bits: UInt64(leading), count: 5)
            stream.write(bits: UInt64(significant & 63), count: 6)
            stream.write(bits: xor >> UInt64(trailing), count: significant)
        }
    }

    private static func readValue(
        _ reader: inout BitReader,
        previous: UInt64,
        leading: inout Int,
        trailing: inout Int
    ) -> UInt64 {
        guard reader.readBit() else { return previous }
        if reader.readBit() {
            leading = Int(reader.readBits(5))
            var significant = Int(reader.readBits(6))
            if significant == 0 { significant = 64 }
            trailing = max(0, 64 - leading - significant)
        }
        let significant = 64 - leading - trailing
        let xor = reader.readBits(significant) << UInt64(trailing)
        return previous ^ xor
    }
}
