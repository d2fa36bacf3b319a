/// An axis domain with "nice" ticks (1, 2 or 5 × 10^k) that covers the data.
struct NiceScale: Equatable, Sendable {
    /// Lowest tick, the bottom of the axis.
    let lower: Double
    /// Highest tick, the top of the axis.
    let upper: Double
    /// Tick values, ascending, from `lower` to `upper`.
    let ticks: [Double]

    /// Largest magnitude considered; beyond this, values are clamped for layout.
    static let limit = 1e18

    /// A scale covering `values` (or 0…1 when empty); `includeZero` forces 0 into the domain.
    init(values: [Double], includeZero: Bool, target: Int) {
        let finite = values.filter { $0.isFinite }
        if let low = finite.min(), let high = finite.max() {
            self.init(minimum: low, maximum: high, includeZero: includeZero, target: target)
        } else {
            self.init(minimum: 0, maximum: 1, includeZero: includeZero, target: target)
        }
    }

    /// A scale covering `minimum...maximum` with about `target` intervals.
    init(minimum: Double, maximum: Double, includeZero: Bool, target: Int) {
        func tidy(_ value: Double) -> Double {
            guard value.isFinite else { return 0 }
            let clamped = ChartValues.clamp(value, -NiceScale.limit, NiceScale.limit)
            return Swift.abs(clamped) < 1e-12 ? 0 : clamped
        }
        var low = Swift.min(tidy(minimum), tidy(maximum))
        var high = Swift.max(tidy(minimum), tidy(maximum))
        if includeZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        let magnitude = Swift.max(Swift.abs(low), Swift.abs(high))
        var intervals = Swift.max(1, target)
        if magnitude == 0 {
            low = 0
            high = 1
            intervals = 1
        } else if high - low <= magnitude * 1e-9 {
            let pad = magnitude * 0.1
            if includeZero && low >= 0 {
                low = 0
                high += pad
            } else if includeZero && high <= 0 {
                high = 0
                low -= pad
            } else {
                low -= pad
                high += pad
            }
        }
        let raw = (high - low) / Double(intervals)
        var exponent = 0
        var reduced = raw
        while reduced >= 10 && exponent < 40 { reduced /= 10; exponent += 1 }
        while reduced < 1 && exponent > -40 { reduced *= 10; exponent -= 1 }
        // Among 1, 2 and 5 × 10^k near the raw step, take the one whose interval count is closest
        // to the target; on a tie, the one whose axis hugs the data more tightly.
        var best: (mantissa: Int, exponent: Int, first: Int, last: Int)?
        var bestDistance = Int.max
        var bestSpan = Double.infinity
        for power in (exponent - 1)...(exponent + 1) {
            for candidate in [1, 2, 5] {
                let step = NiceScale.scaled(candidate, power)
                let first = Int((low / step + 1e-9).rounded(.down))
                let last = Swift.max(first + 1, Int((high / step - 1e-9).rounded(.up)))
                let count = last - first
                guard count <= intervals + 2 else { continue }
                let distance = Swift.abs(count - intervals)
                let span = Double(count) * step
                if distance < bestDistance || (distance == bestDistance && span < bestSpan * (1 - 1e-9)) {
                    best = (candidate, power, first, last)
                    bestDistance = distance
                    bestSpan = span
                }
            }
        }
        let chosen = best ?? {
            let step = NiceScale.scaled(1, exponent + 1)
            let first = Int((low / step + 1e-9).rounded(.down))
            return (1, exponent + 1, first, Swift.max(first + 1, Int((high / step - 1e-9).rounded(.up))))
        }()
        let mantissa = chosen.mantissa
        exponent = chosen.exponent
        let first = chosen.first
        let last = chosen.last
        let ticks = (first...last).map { NiceScale.scaled($0 * mantissa, exponent) }
        self.lower = ticks[0]
        self.upper = ticks[ticks.count - 1]
        self.ticks = ticks
    }

    /// A scale whose top is exactly `cap` (ticks above it dropped), used for a fixed maximum such as 100.
    init(minimum: Double, cap: Double, target: Int) {
        let base = NiceScale(minimum: minimum, maximum: cap, includeZero: true, target: target)
        let kept = base.ticks.filter { $0 <= cap + Swift.abs(cap) * 1e-12 }
        self.lower = base.lower
        self.upper = Swift.max(cap, kept.last ?? cap)
        self.ticks = kept.isEmpty ? [base.lower, cap] : kept
    }

    /// `value × 10^exponent`, computed so that decimal ticks are correctly rounded (0.3, not 0.30000000000000004).
    static func scaled(_ value: Int, _ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<Swift.abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(value) * power : Double(value) / power
    }

    /// About how many tick intervals fit `length` points when ticks want `spacing` points each (2…6).
    static func target(length: Double, spacing: Double) -> Int {
        guard length.isFinite, spacing > 0 else { return 5 }
        return Swift.max(2, Swift.min(6, Int(length / spacing)))
    }
}
