/// An append-only bit buffer, most significant bit first (the layout of Prometheus's `chunkenc.bstream`).
struct BitWriter: Sendable {
    /// The written bytes; the last one may be partly filled.
    private(set) var bytes: [UInt8] = []
    /// How many bits of the last byte are still free (0 when a new byte is needed); one byte, as every series
    /// keeps a writer for its head chunk.
    private var storedFreeBits: UInt8 = 0

    private var freeBits: Int {
        get { Int(storedFreeBits) }
        set { storedFreeBits = UInt8(truncatingIfNeeded: newValue) }
    }

    /// The number of bits written.
    var bitCount: Int { bytes.count * 8 - freeBits }

    /// Appends one bit.
    mutating func write(bit: Bool) {
        if freeBits == 0 {
            bytes.append(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= 1 << UInt8(freeBits) }
    }

    /// Appends the low `count` bits of `value`, most significant first (`count` ≤ 64).
    mutating func write(bits value: UInt64, count: Int) {
        var remaining = count
        while remaining > 0 {
            if freeBits == 0 {
                bytes.append(0)
                freeBits = 8
            }
            let take = min(freeBits, remaining)
            let shifted = (value >> UInt64(remaining - take)) & ((1 << UInt64(take)) - 1)
            bytes[bytes.count - 1] |= UInt8(shifted) << UInt8(freeBits - take)
            freeBits -= take
            remaining -= take
        }
    }

    /// Releases spare capacity once the writer is complete.
    mutating func shrink() {
        bytes = Array(bytes)
    }
}

/// Reads bits written by ``BitWriter``; reading past the end yields zero bits and sets ``overrun``.
struct BitReader {
    private let bytes: [UInt8]
    private var position = 0
    /// Whether a read went past the written bits (a corrupt or truncated stream).
    private(set) var overrun = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads one bit.
    mutating func readBit() -> Bool {
        readBits(1) == 1
    }

    /// Reads `count` bits (≤ 64) as an unsigned integer.
    mutating func readBits(_ count: Int) -> UInt64 {
        var value: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let byteIndex = position >> 3
            guard byteIndex < bytes.count else {
                overrun = true
                return value << UInt64(remaining)
            }
            let bitOffset = position & 7
            let available = 8 - bitOffset
            let take = min(available, remaining)
            let chunk = (UInt64(bytes[byteIndex]) >> UInt64(available - take)) & ((1 << UInt64(take)) - 1)
            value = (value << UInt64(take)) | chunk
            position += take
            remaining -= take
        }
        return value
    }
}
