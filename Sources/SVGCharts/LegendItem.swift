/// One legend entry: a text name and the swatch that shows how its series is drawn.
struct LegendItem: Sendable {
    /// How an entry's series is drawn.
    enum Swatch: Sendable {
        /// A line series: short line with the series' dash pattern and marker.
        case line(series: Int)
        /// A filled shape with the given class names and fill.
        case box(className: String, fill: String)
    }

    /// The series name (untrusted; cleaned and shortened on layout).
    let name: String
    /// The swatch drawn before the name.
    let swatch: Swatch
}
