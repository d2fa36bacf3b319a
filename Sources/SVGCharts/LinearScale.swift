/// Maps data values linearly from a domain onto a pixel range (values outside the domain are clamped).
struct LinearScale: Sendable {
    /// Data value mapped to `rangeStart`.
    let domainLower: Double
    /// Data value mapped to `rangeEnd`.
    let domainUpper: Double
    /// Pixel position of `domainLower`.
    let rangeStart: Double
    /// Pixel position of `domainUpper`.
    let rangeEnd: Double

    /// The pixel position of `value`, rounded to one decimal place.
    func callAsFunction(_ value: Double) -> Double {
        let span = domainUpper - domainLower
        guard span > 0, span.isFinite, value.isFinite else { return SVGNumber.round(rangeStart) }
        let clamped = ChartValues.clamp(value, domainLower, domainUpper)
        return SVGNumber.round(rangeStart + (clamped - domainLower) / span * (rangeEnd - rangeStart))
    }
}
