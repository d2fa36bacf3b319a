/// What the support family computed: its figures per scope, each ticket created in M with its
/// assessment (`tickets.csv`), and the drivers the KPI review shows.
struct SupportResult: Sendable {
    /// The support and self-service figures, every scope.
    var figures = KPITable()
    /// Tickets created in M, ordered by creation time then id.
    var tickets: [(ticket: Ticket, assessment: TicketAssessment)] = []
    /// Categories and frequent contacters.
    var drivers = SupportDrivers()
}
