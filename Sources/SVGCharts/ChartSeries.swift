/// A named series of values, one per category; `nil` (or a non-finite number) marks a value
/// that is undefined for that category.
public struct ChartSeries: Sendable {
    /// The series name shown in the legend (untrusted text is fine: it is escaped and shortened for display).
    public var name: String
    /// The values by category index; missing trailing values count as `nil`, extra values are ignored.
    public var values: [Double?]
    /// A colour that carries meaning (a health band's green, yellow, red), as `#RRGGBB`; nil takes
    /// the palette's colour of the series' position. Used by stacked bars.
    public var color: String?

    /// Creates a series named `name` with `values` by category index, in `color` when given.
    public init(name: String, values: [Double?], color: String? = nil) {
        self.name = name
        self.values = values
        self.color = color.flatMap(Self.validColor)
    }

    /// `text` when it is a `#RRGGBB` colour, else nil.
    static func validColor(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"),
              bytes.dropFirst().allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }) else { return nil }
        return text
    }
}
