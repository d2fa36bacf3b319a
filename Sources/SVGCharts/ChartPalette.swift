/// The fixed, colour-blind-safe colours (Okabe–Ito) the charts use, with the matching class names,
/// so a page can restyle charts consistently with its own CSS.
public enum ChartPalette: Sendable {
    /// Series colours by index: blue, orange, bluish green, reddish purple, sky blue, vermillion.
    /// Series `i` uses `colors[i % 6]` and the class `series-(i % 6)`.
    public static let colors: [String] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]

    /// Fill of waterfall increases (class `increase`).
    public static let increase = "#009E73"

    /// Fill of waterfall decreases (class `decrease`).
    public static let decrease = "#D55E00"

    /// Fill of waterfall totals (class `total`).
    public static let total = "#5F6B76"

    /// Fill of a line chart's secondary-axis bars (class `secondary`).
    public static let secondary = "#CFCFCF"

    /// The colour of the series at `index` (wrapping after six).
    public static func color(forSeries index: Int) -> String {
        colors[Swift.abs(index) % colors.count]
    }

    /// The class name of the series at `index`: `series-0` … `series-5` (wrapping after six).
    public static func className(forSeries index: Int) -> String {
        "series-\(Swift.abs(index) % colors.count)"
    }
}
