import Tabular

/// One paying account's adoption in a month (docs/metrics.md §5): MAU, license utilization, feature
/// breadth, DAU average and MAU change.
struct AccountAdoption: Sendable, Equatable {
    /// Distinct users with at least one event in the month.
    var mau: Int
    /// mau / seats; nil without seats > 0 (may exceed 1).
    var licenseUtilization: Double?
    /// Key features used / number of key features; nil without key features.
    var featureBreadth: Double?
    /// Σ over the days of the month of distinct users that day / days in the month (docs/metrics.md §5.3).
    var dauAverage: Double
    /// mau / mau of the month before − 1; nil when the month before had no active user (docs/metrics.md §5.4).
    var mauChange: Double?
    /// Key features used (bit k = key feature k).
    var features: UInt64
    /// The counts the ratios above are exact quotients of: seats, MAU of the month before, key features.
    var seats: Int?
    var previousMAU: Int
    var keyFeatureCount: Int

    /// License utilization exactly.
    var exactLicenseUtilization: ExactNumber? { seats.flatMap { $0 > 0 ? ExactNumber(Int64(mau), Int64($0)) : nil } }
    /// Feature breadth exactly.
    var exactFeatureBreadth: ExactNumber? {
        keyFeatureCount > 0 ? ExactNumber(Int64(features.nonzeroBitCount), Int64(keyFeatureCount)) : nil
    }
    /// MAU change exactly.
    var exactMAUChange: ExactNumber? { previousMAU > 0 ? ExactNumber(Int64(mau - previousMAU), Int64(previousMAU)) : nil }
}

extension AccountAdoption {
    /// The adoption of an account with `usage` (nil: no event) and `seats`, `monthsBack` months before M
    /// (0: M, 1: M−1, 2: M−2).
    init(_ usage: AccountUsage?, seats: Int?, keyFeatureCount: Int, monthsBack: Int) {
        let usage = usage ?? AccountUsage(daysInMonth: [1, 1, 1])
        let mau = usage.mau[monthsBack]
        let before = usage.mau[monthsBack + 1]
        self.mau = mau
        licenseUtilization = seats.flatMap { $0 > 0 ? Double(mau) / Double($0) : nil }
        featureBreadth = keyFeatureCount > 0 ? Double(usage.features[monthsBack].nonzeroBitCount) / Double(keyFeatureCount) : nil
        dauAverage = Double(usage.activeUserDays[monthsBack]) / Double(usage.daysInMonth[monthsBack])
        mauChange = before > 0 ? Double(mau) / Double(before) - 1 : nil
        features = usage.features[monthsBack]
        self.seats = seats
        previousMAU = before
        self.keyFeatureCount = keyFeatureCount
    }
}
