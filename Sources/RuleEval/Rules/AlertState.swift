/// The state of one alert instance, ordered inactive < pending < firing as Prometheus orders them.
public enum AlertState: String, Sendable, Hashable, Comparable {
    /// Resolved (kept for a while so the resolution is delivered) or never active.
    case inactive
    /// The expression returned the series, but not yet for the rule's `for` duration.
    case pending
    /// Active for at least `for`, or held by `keep_firing_for`.
    case firing

    private var rank: Int {
        switch self {
        case .inactive: 0
        case .pending: 1
        case .firing: 2
        }
    }

    public static func < (lhs: AlertState, rhs: AlertState) -> Bool { lhs.rank < rhs.rank }
}
