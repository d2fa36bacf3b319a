import Foundation
import Tabular

/// `tickets.csv` and the workbook's Tickets sheet, the SLA audit: one row per ticket created in M with
/// its durations (calendar and business minutes) and each SLA's status (empty when no target applies).
struct TicketsFile: ReportTable {
    let support: SupportResult
    let zone: ZoneOffsets

    init(_ support: SupportResult, timeZone: TimeZone) {
        self.support = support
        zone = ZoneOffsets(timeZone: timeZone)
    }

    static let columns = [
        "ticket_id", "account_id", "priority", "created_at", "first_response_minutes", "first_response_business_minutes",
        "resolution_minutes", "resolution_business_minutes", "sla_first_response", "sla_resolution",
    ]

    var columns: [String] { Self.columns }

    var rowCount: Int { support.tickets.count }

    func forEachRow(_ body: ([ReportCell]) -> Void) {
        for (ticket, assessment) in support.tickets {
            body([.text(ticket.id), .text(ticket.accountID), .text(assessment.priority.name),
                  .text(ticket.createdAt.iso8601(offsetSeconds: zone.offsetSeconds(at: ticket.createdAt))),
                  .number(assessment.firstResponseMinutes), .number(assessment.firstResponseBusinessMinutes),
                  .number(assessment.resolutionMinutes), .number(assessment.resolutionBusinessMinutes),
                  .text(assessment.firstResponseSLA.written), .text(assessment.resolutionSLA.written)])
        }
    }

    /// The CSV text.
    static func csv(_ support: SupportResult, timeZone: TimeZone) -> [UInt8] {
        TicketsFile(support, timeZone: timeZone).csv()
    }
}
