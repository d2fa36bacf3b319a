import Foundation

/// An SLA target duration as a pipeline file writes it: `60m` (calendar minutes), `4h` (calendar
/// hours), `30bm` (business minutes), `4bh` (business hours) or `1bd` (business days).
///
/// The amount is kept in the unit it was written in. Calendar units convert to minutes directly
/// (`calendarMinutes`). Business hours and minutes are business minutes (`businessMinutes(perBusinessDay:)`).
/// A business day is kept as a number of business days, because its length in minutes depends on the
/// pipeline's working hours (docs/metrics.md §3.10: "One business day is the length of one working day",
/// 540 minutes by default); the business calendar converts it.
package struct ServiceLevelDuration: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The unit a duration is written in.
    package enum Unit: String, Sendable, Equatable, Hashable, CaseIterable {
        /// `m`: calendar minutes.
        case calendarMinutes = "m"
        /// `h`: calendar hours.
        case calendarHours = "h"
        /// `bm`: minutes inside working hours.
        case businessMinutes = "bm"
        /// `bh`: hours inside working hours.
        case businessHours = "bh"
        /// `bd`: business days, each the length of one working day.
        case businessDays = "bd"

        /// Whether the unit counts only working time (business calendar) rather than elapsed time.
        package var isBusinessTime: Bool {
            switch self {
            case .calendarMinutes, .calendarHours: false
            case .businessMinutes, .businessHours, .businessDays: true
            }
        }
    }

    /// The number of units (positive; may have decimals, e.g. `1.5bh`).
    package let amount: Double
    /// The unit the amount is counted in.
    package let unit: Unit

    /// Creates a duration of `amount` units.
    package init(_ amount: Double, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Whether the duration is measured in business time (`bm`, `bh`, `bd`) rather than calendar time.
    package var isBusinessTime: Bool { unit.isBusinessTime }

    /// The duration in calendar minutes; nil for business units.
    package var calendarMinutes: Double? {
        switch unit {
        case .calendarMinutes: amount
        case .calendarHours: amount * 60
        case .businessMinutes, .businessHours, .businessDays: nil
        }
    }

    /// The duration in business minutes, given the length of one business day in minutes (540 for
    /// the default 09:00-18:00); nil for calendar units.
    package func businessMinutes(perBusinessDay minutesPerDay: Double) -> Double? {
        switch unit {
        case .businessMinutes: amount
        case .businessHours: amount * 60
        case .businessDays: amount * minutesPerDay
        case .calendarMinutes, .calendarHours: nil
        }
    }

    /// The duration as a pipeline file writes it, e.g. `4bh`.
    package var description: String {
        let number = amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : String(amount)
        return number + unit.rawValue
    }

    /// Parses `60m`, `4h`, `30bm`, `4bh`, `1bd`, `1.5bh`; nil for anything else or a zero amount.
    package init?(parsing text: String) {
        guard let match = text.wholeMatch(of: /(\d+(?:\.\d+)?)(m|h|bm|bh|bd)/),
              let amount = Double(match.output.1), amount > 0, amount.isFinite,
              let unit = Unit(rawValue: String(match.output.2)) else { return nil }
        self.init(amount, unit)
    }
}

extension PipelineValue {
    /// A duration such as `60m`, `4bh` or `1bd`.
    func serviceLevelDuration() throws(PipelineFileError) -> ServiceLevelDuration {
        let what = "a duration like 60m, 4h, 30bm, 4bh or 1bd"
        let text = try scalarText(what)
        guard let duration = ServiceLevelDuration(parsing: text.trimmingCharacters(in: .whitespaces)) else {
            throw expected(what)
        }
        return duration
    }
}
