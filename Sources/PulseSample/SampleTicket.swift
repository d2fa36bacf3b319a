/// One helpdesk ticket as exported (a line of `helpdesk/tickets.jsonl`).
struct SampleTicket: Sendable {
    /// The ticket number; written as a JSON string unless `numericID`.
    var id = 0
    var numericID = false
    var accountID: String
    /// The account's position in the CRM; nil for an account the CRM does not know.
    var accountIndex: Int?
    var created: Int
    var updated: Int
    var firstResponse: Int?
    var solved: Int?
    var status: String
    var priority: String?
    var urgency: String?
    var impact: String?
    var category: String?
    var channel: String?
    /// Omitted from the line when nil (readers default it to 1).
    var escalation: Int?
    /// Omitted from the line when nil (readers default it to 0).
    var reopens: Int?
    /// Omitted from the line when nil.
    var tags: [String]?
    /// Whether a service level was missed (customers rate such tickets lower).
    var breached = false

    /// Whether the ticket is solved or closed with a solve time.
    var isSolved: Bool { solved != nil && (status == "solved" || status == "closed") }

    /// Appends the ticket as one JSON line, fields in canonical order.
    func write(to line: inout SampleJSONLine) {
        if numericID { line.integer("id", id) } else { line.string("id", String(id)) }
        line.string("account_id", accountID)
        line.dateTime("created_at", created)
        line.dateTime("updated_at", updated)
        line.dateTime("first_response_at", firstResponse)
        line.dateTime("solved_at", solved)
        line.string("status", status)
        line.string("priority", priority)
        line.string("urgency", urgency)
        line.string("impact", impact)
        line.string("category", category)
        line.string("channel", channel)
        if let escalation { line.integer("escalation_level", escalation) }
        if let reopens { line.integer("reopens", reopens) }
        if let tags { line.strings("tags", tags) }
    }
}
