/// Prometheus's staleness marker: a NaN with a specific bit pattern (`value.StaleNaN`), compared by bits.
public enum StaleMarker {
    /// The bit pattern Prometheus writes to end a series.
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002

    /// The marker as a Double.
    public static let value = Double(bitPattern: bitPattern)

    /// Whether `value` is the staleness marker (an ordinary NaN is not).
    @inline(__always)
    public static func isStale(_ value: Double) -> Bool {
        value.bitPattern == bitPattern
    }
}
