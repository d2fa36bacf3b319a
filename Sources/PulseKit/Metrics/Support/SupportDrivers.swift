/// The driver analysis of the KPI review (issue 5): which ticket categories grew, and which accounts
/// contact support most for their size. Company scope.
struct SupportDrivers: Sendable, Equatable {
    /// One category's tickets created in M.
    struct Category: Sendable, Equatable {
        /// The category; `(none)` for tickets without one.
        var name: String
        /// Tickets created in M.
        var count: Int
        /// `count` / tickets created in M.
        var share: Double
        /// Tickets created in M−1.
        var previousCount: Int
        /// `count − previousCount`.
        var change: Int { count - previousCount }
    }

    /// An account among those with the most tickets per seat in M.
    struct Contacter: Sendable, Equatable {
        /// The account.
        var accountID: String
        /// Tickets created in M.
        var tickets: Int
        /// Its seats (> 0).
        var seats: Int
        /// `tickets / seats`.
        var ticketsPerSeat: Double
    }

    /// Categories by tickets in M, most first (ties by name), including categories that had tickets
    /// only in M−1.
    var categories: [Category] = []
    /// The (at most 10) accounts with the most tickets per seat in M, among accounts with seats.
    var frequentContacters: [Contacter] = []

    /// How many frequent contacters are listed.
    static let contacterLimit = 10
}
