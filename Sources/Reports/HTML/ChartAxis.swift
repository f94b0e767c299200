import Foundation

/// A linear map from data values to drawing coordinates, with round-number ticks.
public struct LinearScale: Sendable, Equatable {
    /// The data interval drawn, after widening to whole ticks.
    public let low: Double, high: Double
    /// The drawing interval it maps to (px; `from` may be larger than `to` for a y axis).
    public let from: Double, to: Double
    /// Tick values from `low` to `high` inclusive, `step` apart.
    public let ticks: [Double]
    /// The distance between ticks.
    public let step: Double

    /// A scale that covers `low…high` (and 0 when `includeZero`) with about `tickCount` ticks at 1, 2 or 5 × 10ⁿ.
    public init(low: Double, high: Double, from: Double, to: Double, tickCount: Int = 5, includeZero: Bool = true) {
        var (a, b) = (min(low, high), max(low, high))
        if includeZero { (a, b) = (min(a, 0), max(b, 0)) }
        if !(b > a) { b = a + 1 }
        let step = LinearScale.niceStep((b - a) / Double(max(1, tickCount)))
        let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
        self.low = first * step
        self.high = last * step
        self.step = step
        self.from = from
        self.to = to
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least `raw` (for raw > 0).
    public static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-12) { return m * magnitude }
        return 10 * magnitude
    }

    /// The drawing coordinate of `value`.
    public func position(_ value: Double) -> Double { from + (value - low) / (high - low) * (to - from) }

    /// A tick's label: as many decimals as the step needs, thousands grouped (`1,200`, `0.25`).
    public func label(_ value: Double) -> String {
        let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
        let v = abs(value) < step * 1e-9 ? 0 : value
        return decimals == 0 && abs(v) >= 1000 ? NumberText.grouped(v) : NumberText.fixed(v, decimals)
    }
}

/// The frame every chart draws in: a title, a plot area with axes, gridlines and their labels.
struct ChartFrame {
    /// The plot area, px.
    let left: Double, top: Double, right: Double, bottom: Double

    /// The title above the plot.
    static func title(_ text: String, width: Double) -> String {
        Markup.text(text, x: width / 2, y: 20, anchor: "middle", cssClass: "chart-title")
    }

    /// A y axis on the left with horizontal gridlines at every tick, and its label rotated along it.
    func yAxis(_ scale: LinearScale, label: String) -> [String] {
        var out: [String] = []
        for tick in scale.ticks {
            let y = scale.position(tick)
            out.append(Markup.element("line", [("x1", Markup.coordinate(left)), ("x2", Markup.coordinate(right)),
                                               ("y1", Markup.coordinate(y)), ("y2", Markup.coordinate(y)), ("class", "grid")]))
            out.append(Markup.text(scale.label(tick), x: left - 6, y: y + 4, anchor: "end", cssClass: "tick"))
        }
        out.append(Markup.element("line", [("x1", Markup.coordinate(left)), ("x2", Markup.coordinate(left)),
                                           ("y1", Markup.coordinate(top)), ("y2", Markup.coordinate(bottom)), ("class", "axis")]))
        let middle = (top + bottom) / 2
        out.append(Markup.text(label, x: 16, y: middle, anchor: "middle", cssClass: "axis-label", rotate: -90))
        return out
    }

    /// An x axis along the bottom with `labels` at their positions and its label under them.
    func xAxis(_ labels: [(x: Double, text: String)], label: String, rotated: Bool = false) -> [String] {
        var out = [Markup.element("line", [("x1", Markup.coordinate(left)), ("x2", Markup.coordinate(right)),
                                           ("y1", Markup.coordinate(bottom)), ("y2", Markup.coordinate(bottom)), ("class", "axis")])]
        for (x, text) in labels {
            out.append(Markup.element("line", [("x1", Markup.coordinate(x)), ("x2", Markup.coordinate(x)),
                                               ("y1", Markup.coordinate(bottom)), ("y2", Markup.coordinate(bottom + 4)), ("class", "axis")]))
            if rotated {
                out.append(Markup.text(text, x: x + 4, y: bottom + 10, anchor: "end", cssClass: "tick", rotate: -45))
            } else {
                out.append(Markup.text(text, x: x, y: bottom + 16, anchor: "middle", cssClass: "tick"))
            }
        }
        out.append(Markup.text(label, x: (left + right) / 2, y: bottom + (rotated ? 54 : 34), anchor: "middle", cssClass: "axis-label"))
        return out
    }
}
