/// Normalization of caller data: non-finite numbers become `nil`, and series are padded or cut
/// to the category count.
enum ChartValues {
    /// `value` when it is present and finite, else `nil`.
    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// `values` cut or padded with `nil` to `count`, with non-finite numbers replaced by `nil`.
    static func normalize(_ values: [Double?], count: Int) -> [Double?] {
        (0..<Swift.max(0, count)).map { index in index < values.count ? finite(values[index]) : nil }
    }

    /// Clamps `value` into `lower...upper`.
    static func clamp(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
        Swift.min(Swift.max(value, lower), Swift.max(lower, upper))
    }
}
