/// The direction an account's product usage takes over the window.
enum SampleTrend: Sendable {
    case growing, stable, declining
}
