/// A range vector together with the window it was selected over, which the rate functions extrapolate to.
struct SelectedRange {
    var series: [RangeSeries]
    /// The exclusive start of the window in milliseconds.
    var start: Int64
    /// The inclusive end of the window in milliseconds.
    var end: Int64
}
