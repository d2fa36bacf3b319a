/// Monthly US-dollar rates for `crm/fx_rates.csv`: a random walk around ¥150 (kept within
/// ¥138–¥162), with a month or two missing and one month exported twice (the later row correcting
/// the earlier one).
struct SampleFXRates: Sendable {
    /// One row: month and yen per dollar in hundredths.
    struct Row: Sendable {
        let month: Int
        let rate: Int
    }

    let rows: [Row]

    /// Rates for every month from `firstMonth` to `lastMonth` except `missing`.
    init(firstMonth: Int, lastMonth: Int, missing: [Int], seed: UInt64) {
        var rng = SampleRandom(seed: seed, 3)
        var rate = 14_500 + rng.int(-300, 300)
        var rows: [Row] = []
        let repeated = firstMonth + (lastMonth - firstMonth) * 2 / 3
        var month = firstMonth
        while month <= lastMonth {
            rate = min(16_200, max(13_800, rate + rng.int(-320, 340)))
            if !missing.contains(month) {
                if month == repeated && month > firstMonth {
                    rows.append(Row(month: month, rate: rate + rng.int(20, 60)))
                }
                rows.append(Row(month: month, rate: rate))
            }
            month += 1
        }
        self.rows = rows
    }
}
