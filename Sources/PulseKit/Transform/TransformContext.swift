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

    /// The context of `input` once revenue is computed.
    init(_ input: TransformInput, revenue: RevenueResult) {
        self.revenue = revenue
        scopes = ScopeMembership(accounts: input.data.accounts, revenue: revenue)
        calendar = SupportFamily.calendar(input.configuration.calendar, timeZone: input.configuration.timeZone,
                                          tickets: input.data.tickets, asOf: input.period.asOf)
    }
}
