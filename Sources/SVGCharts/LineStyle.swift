/// Non-colour distinctions between line series (dash pattern and marker shape), so that colour
/// is not the only carrier of meaning.
enum LineStyle {
    /// Dash patterns by series index (modulo the count); "" is solid.
    static let dashes = ["", "6 3", "2 2", "8 3 2 3", "4 2", "1 3"]

    /// Dash pattern for the series at `index`.
    static func dash(_ index: Int) -> String {
        dashes[Swift.abs(index) % dashes.count]
    }

    /// Writes the marker for the series at `index` centred on (`x`, `y`): circle, square, triangle or
    /// diamond; `tooltip` (if any) becomes its `<title>`.
    static func writeMarker(_ index: Int, x: Double, y: Double, tooltip: String?, into writer: inout SVGWriter) {
        let color = ChartPalette.color(forSeries: index)
        let common: [(String, String)] = [
            ("class", "marker " + ChartPalette.className(forSeries: index)),
            ("fill", color), ("stroke", "#FFFFFF"), ("stroke-width", "1"),
        ]
        let name: String
        var attributes: [(String, String)]
        switch Swift.abs(index) % 4 {
        case 0:
            name = "circle"
            attributes = [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", "3.5")]
        case 1:
            name = "rect"
            attributes = [("x", svgNumber(x - 3)), ("y", svgNumber(y - 3)), ("width", "6"), ("height", "6")]
        case 2:
            name = "path"
            attributes = [("d", "M\(svgNumber(x)) \(svgNumber(y - 4))L\(svgNumber(x + 4)) \(svgNumber(y + 3))L\(svgNumber(x - 4)) \(svgNumber(y + 3))Z")]
        default:
            name = "path"
            attributes = [("d", "M\(svgNumber(x)) \(svgNumber(y - 4))L\(svgNumber(x + 4)) \(svgNumber(y))L\(svgNumber(x)) \(svgNumber(y + 4))L\(svgNumber(x - 4)) \(svgNumber(y))Z")]
        }
        attributes = common + attributes
        if let tooltip {
            writer.open(name, attributes)
            writer.title(tooltip)
            writer.close(name)
        } else {
            writer.empty(name, attributes)
        }
    }

    /// Stroke attributes of the line for the series at `index`.
    static func strokeAttributes(_ index: Int) -> [(String, String)] {
        var attributes: [(String, String)] = [
            ("fill", "none"), ("stroke", ChartPalette.color(forSeries: index)), ("stroke-width", "2"),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ]
        let pattern = dash(index)
        if !pattern.isEmpty { attributes.append(("stroke-dasharray", pattern)) }
        return attributes
    }

    /// Path data for `points` with gaps: each run of consecutive defined points becomes an `M…L…`
    /// subpath; runs of a single point are left to the markers.
    static func pathData(_ points: [(x: Double, y: Double)?]) -> String {
        var data = ""
        var run: [(x: Double, y: Double)] = []
        func flush() {
            if run.count >= 2 {
                for (offset, point) in run.enumerated() {
                    data += (offset == 0 ? "M" : "L") + svgNumber(point.x) + " " + svgNumber(point.y)
                }
            }
            run.removeAll()
        }
        for point in points {
            if let point { run.append(point) } else { flush() }
        }
        flush()
        return data
    }
}
