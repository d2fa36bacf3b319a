/// Where an account's onboarding stands as of the as-of date (docs/metrics.md §6.3). The raw
/// value is the text written in `onboarding_status`.
enum OnboardingStatus: String, Sendable, CaseIterable {
    /// Every required milestone was achieved before as-of.
    case completed
    /// Not completed, inside the window, and no required milestone is past its due date.
    case onTrack = "on_track"
    /// Not completed, inside the window, and a required milestone is unachieved past its due date.
    case behind
    /// Not completed, and the as-of date is past `signup_date + window_days`.
    case stalled
}
