import Tabular

/// A helpdesk ticket (`helpdesk/tickets.jsonl`), after deduplication by id.
package struct Ticket: Sendable, Equatable {
    /// The unique key (`123` and `"123"` are the same id).
    package var id: String
    /// The account that raised it (may be unknown to the CRM).
    package var accountID: String
    /// When it was created.
    package var createdAt: Instant
    /// When it was last updated, if known (decides between duplicates).
    package var updatedAt: Instant?
    /// The first public reply by an agent, if any.
    package var firstResponseAt: Instant?
    /// The last time it was solved, if any.
    package var solvedAt: Instant?
    /// Its status.
    package var status: TicketStatus
    /// The priority field, if set to a known value.
    package var priority: TicketPriority?
    /// Urgency, used when priority is null.
    package var urgency: TicketLevel?
    /// Impact, used when priority is null.
    package var impact: TicketLevel?
    /// The category, e.g. `bug`, if any.
    package var category: String?
    /// The channel, e.g. `email`, if any.
    package var channel: String?
    /// The highest support level reached (1–3; default 1).
    package var escalationLevel: Int
    /// How often it was reopened (default 0).
    package var reopens: Int
    /// Its tags.
    package var tags: [String]

    /// A ticket as the reader keeps it.
    package init(id: String, accountID: String, createdAt: Instant, updatedAt: Instant?, firstResponseAt: Instant?,
                solvedAt: Instant?, status: TicketStatus, priority: TicketPriority?, urgency: TicketLevel?,
                impact: TicketLevel?, category: String?, channel: String?, escalationLevel: Int, reopens: Int,
                tags: [String]) {
        self.id = id
        self.accountID = accountID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstResponseAt = firstResponseAt
        self.solvedAt = solvedAt
        self.status = status
        self.priority = priority
        self.urgency = urgency
        self.impact = impact
        self.category = category
        self.channel = channel
        self.escalationLevel = escalationLevel
        self.reopens = reopens
        self.tags = tags
    }
}

/// The status of a ticket.
package enum TicketStatus: String, Sendable, CaseIterable {
    case new, open, pending, hold, solved, closed, deleted
}

/// The helpdesk priority field.
package enum TicketPriority: String, Sendable, CaseIterable {
    case urgent, high, normal, low
}

/// An urgency or impact level.
package enum TicketLevel: String, Sendable, CaseIterable {
    case high, medium, low
}
