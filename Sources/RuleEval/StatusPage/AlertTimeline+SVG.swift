import Exporter
import PromText

extension AlertTimeline {
    /// The drawing's size in CSS pixels: a bar over the window and a row of tick labels under it.
    private static let width = 240.0
    private static let barHeight = 14.0
    private static let height = 30.0
    /// The window is divided into this many parts by tick marks.
    private static let tickCount: Int64 = 4

    /// Appends an inline SVG drawing of the timeline: grey where inactive, amber pending, red firing, each active
    /// stretch with a tooltip giving its state and times, and ticks labelled in minutes before the window's end.
    func appendSVG(to writer: inout HTMLWriter) {
        let span = Double(max(end - start, 1))
        func x(_ time: Int64) -> Double { Double(time - start) / span * Self.width }
        let summary =
            "last \(PrometheusDuration(milliseconds: end - start)): "
            + "firing \(PrometheusDuration(milliseconds: time(in: .firing) / 1000 * 1000)), "
            + "pending \(PrometheusDuration(milliseconds: time(in: .pending) / 1000 * 1000))"
        writer.markup(
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" "
                + "height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
                + "role=\"img\" aria-label=\"")
        writer.text(summary)
        writer.markup("\"><title>")
        writer.text(summary)
        writer.markup(
            "</title><rect class=\"inactive\" x=\"0\" y=\"0\" width=\"\(Int(Self.width))\" "
                + "height=\"\(Int(Self.barHeight))\" rx=\"3\"/>")
        for segment in segments {
            let left = x(segment.start)
            let segmentWidth = max(x(segment.end) - left, 1.5)
            writer.markup(
                "<rect class=\"\(segment.state.rawValue)\" x=\"\(Self.coordinate(left))\" y=\"0\" "
                    + "width=\"\(Self.coordinate(segmentWidth))\" height=\"\(Int(Self.barHeight))\"><title>")
            writer.text(
                "\(segment.state.rawValue) \(StatusPageFormat.timeOfDay(segment.start))–"
                    + "\(StatusPageFormat.timeOfDay(segment.end)) UTC "
                    + "(\(PrometheusDuration(milliseconds: (segment.end - segment.start) / 1000 * 1000)))")
            writer.markup("</title></rect>")
        }
        for tick in 0...Self.tickCount {
            let tickX = Self.width * Double(tick) / Double(Self.tickCount)
            let before = (end - start) * (Self.tickCount - tick) / Self.tickCount
            let label = tick == Self.tickCount ? "now" : "-\(PrometheusDuration(milliseconds: before / 1000 * 1000))"
            let anchor = tick == 0 ? "start" : tick == Self.tickCount ? "end" : "middle"
            writer.markup(
                "<line x1=\"\(Self.coordinate(tickX))\" y1=\"\(Int(Self.barHeight))\" x2=\"\(Self.coordinate(tickX))\" "
                    + "y2=\"\(Int(Self.barHeight) + 3)\"/><text x=\"\(Self.coordinate(tickX))\" y=\"\(Int(Self.height) - 2)\" "
                    + "text-anchor=\"\(anchor)\">\(label)</text>")
        }
        writer.markup("</svg>")
    }

    /// A coordinate with one decimal, enough for a pixel-exact drawing.
    private static func coordinate(_ value: Double) -> String {
        GoFloatFormat.format(value, verb: UInt8(ascii: "f"), precision: 1)
    }
}
