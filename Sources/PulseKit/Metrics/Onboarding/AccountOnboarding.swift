import Tabular

/// One account's onboarding facts as of the as-of date (docs/metrics.md §6): time to first value, status,
/// and what the company completion rate reads. Only milestones achieved before as-of count; a
/// milestone's date is the local date of its earliest `achieved_at` in the pipeline time zone.
struct AccountOnboarding: Sendable, Equatable {
    /// The local date of the first-value milestone; nil when not reached before as-of (or no source).
    var firstValueDate: LocalDate?
    /// `ttfv_days`: first-value date − `signup_date` in local days (negative if the data says so); nil
    /// when first value was not reached before as-of, or without a milestones source (docs/metrics.md §6.5).
    var ttfvDays: Int?
    /// `onboarding_status`; nil without a milestones source (docs/metrics.md §6.5).
    var status: OnboardingStatus?
    /// The last day of the onboarding window: `signup_date + window_days`.
    var windowEnd: LocalDate
    /// The date the last required milestone was achieved (the latest of their earliest dates): every
    /// required milestone is achieved by then. The signup date when none are required; nil when one
    /// is missing before as-of, or without a milestones source.
    var requiredAchievedBy: LocalDate?
    /// When first value was reached (the earliest first-value `achieved_at` before as-of); nil when not
    /// reached, or without a milestones source. The company metrics read it for "reached in M".
    var firstValueAt: Instant? = nil
}
