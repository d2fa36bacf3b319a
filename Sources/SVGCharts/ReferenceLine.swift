/// A labelled horizontal target line drawn dashed across a line chart.
struct ReferenceLine: Sendable {
    /// The line's label (untrusted text is fine).
    let label: String
    /// The value the line marks.
    let value: Double
}
