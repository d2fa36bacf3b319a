/// Where the usage columns sit in a file's rows.
struct UsageRowLayout: Sendable {
    let timestamp: Int, account: Int, user: Int, event: Int
    let count: Int?
    let width: Int
    let header: [String]
    let epochSeconds: Bool

    init(columns: SourceColumns, width: Int, header: [String], epochSeconds: Bool) {
        timestamp = columns.fieldIndex(of: "timestamp")!
        account = columns.fieldIndex(of: "account_id")!
        user = columns.fieldIndex(of: "user_id")!
        event = columns.fieldIndex(of: "event")!
        count = columns.fieldIndex(of: "count")
        self.width = width
        self.header = header
        self.epochSeconds = epochSeconds
    }
}
