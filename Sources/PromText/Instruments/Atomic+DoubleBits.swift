import Synchronization

extension Atomic where Value == UInt64 {
    /// Adds `amount` to the `Double` whose bit pattern this atomic holds, with a compare-and-swap loop.
    ///
    /// `Double` is not atomic-representable, so floating-point instruments keep `value.bitPattern` in an
    /// `Atomic<UInt64>`; relaxed ordering is enough because each instrument value is independent.
    @inline(__always)
    func addDouble(_ amount: Double) {
        var current = load(ordering: .relaxed)
        while true {
            let next = (Double(bitPattern: current) + amount).bitPattern
            let (exchanged, original) = compareExchange(
                expected: current,
                desired: next,
                ordering: .relaxed
            )
            if exchanged { return }
            current = original
        }
    }

    /// The `Double` whose bit pattern this atomic holds.
    @inline(__always)
    func loadDouble() -> Double {
        Double(bitPattern: load(ordering: .relaxed))
    }

    /// Replaces the held `Double` with `value`.
    @inline(__always)
    func storeDouble(_ value: Double) {
        store(value.bitPattern, ordering: .relaxed)
    }
}
