import BusinessTime

/// What every family after revenue shares, built once per run: the revenue result (tiers, paying
/// accounts), the scopes it defines with each account's membership, and the business calendar.
struct TransformContext: Sendable {
    /// Account revenue, tiers and totals.
    let revenue: RevenueResult
    /// The written scopes and which of them each account is in for M.
    let scopes: ScopeMembership
    /// The pipeline's business calendar, precomputed over the dates the tickets and as-of need.
    let calendar: BusinessCalendar

    /// The context of `input` once revenue is computed; `calendar`, when given, is one already built
    /// over these tickets up to a later as-of (a run's calendar serves its months of history).
    init(_ input: TransformInput, revenue: RevenueResult, calendar: BusinessCalendar? = nil) {
        self.revenue = revenue
        scopes = ScopeMembership(accounts: input.data.accounts, revenue: revenue)
        self.calendar = calendar ?? SupportFamily.calendar(input.configuration.calendar, timeZone: input.configuration.timeZone,
                                                           tickets: input.data.tickets, asOf: input.period.asOf)
    }
}
