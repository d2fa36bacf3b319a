import Tabular

/// Everything the transform stage computed: the figures of M, the figures of the months of history
/// before it, and the revenue result that account-level outputs are written from.
struct TransformResult: Sendable {
    /// The figures of M, in written order.
    var figures: KPITable
    /// The twelve months before M, oldest first, each as its own default run would compute it.
    var history: [HistoryMonth]
    /// Account revenue, tiers and totals.
    var revenue: RevenueResult
    /// Support: tickets created in M with their assessment, and the drivers.
    var support: SupportResult
    /// Every account's facts at M (health, adoption, surveys, support, onboarding), accounts order.
    var facts: [AccountFacts] = []
    /// Every account's facts at M−1, as of M_start (what `health_delta` and `new` alerts compare with).
    var previousFacts: [AccountFacts] = []
    /// How long scoring health (M and M−1) and evaluating the alerts took: logged, never published.
    var healthAndAlerts: Duration = .zero
    /// The alerts of M.
    var alerts: [Alert] = []
    /// Health overrides that had expired by the as-of date (listed, never dropped silently).
    var expiredOverrides: [HealthOverride] = []
}
