/// The `@` modifier of a selector or subquery.
public enum AtModifier: Sendable, Equatable {
    /// `@ 1609746000`: evaluate at this Unix time, in milliseconds.
    case timestamp(milliseconds: Int64)
    /// `@ start()`: evaluate at the start of the query range.
    case start
    /// `@ end()`: evaluate at the end of the query range.
    case end
}
