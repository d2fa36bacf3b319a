import Foundation
import Tabular

/// `tickets.csv`: one row per ticket created in M — `ticket_id,account_id,priority,created_at,
/// first_response_minutes,first_response_business_minutes,resolution_minutes,resolution_business_minutes,
/// sla_first_response,sla_resolution` — ordered by creation time, then id. `created_at` is written in the
/// pipeline's time zone with its offset; undefined durations and excluded SLAs are empty.
enum TicketsFile {
    /// The columns, as outputs.md lists them.
    static let columns = [
        "ticket_id", "account_id", "priority", "created_at", "first_response_minutes", "first_response_business_minutes",
        "resolution_minutes", "resolution_business_minutes", "sla_first_response", "sla_resolution",
    ]

    /// The CSV text.
    static func csv(_ support: SupportResult, timeZone: TimeZone) -> [UInt8] {
        let zone = ZoneOffsets(timeZone: timeZone)
        var writer = CSVWriter(guardsFormulas: true, capacity: 128 + support.tickets.count * 96)
        writer.appendRecord(columns)
        func minutes(_ value: Double?) {
            if let value { writer.appendNumber(NumberText.shortest(value)) } else { writer.appendEmptyField() }
        }
        for (ticket, assessment) in support.tickets {
            writer.appendField(ticket.id)
            writer.appendField(ticket.accountID)
            writer.appendField(assessment.priority.name)
            writer.appendField(ticket.createdAt.iso8601(offsetSeconds: zone.offsetSeconds(at: ticket.createdAt)))
            minutes(assessment.firstResponseMinutes)
            minutes(assessment.firstResponseBusinessMinutes)
            minutes(assessment.resolutionMinutes)
            minutes(assessment.resolutionBusinessMinutes)
            writer.appendField(assessment.firstResponseSLA.written)
            writer.appendField(assessment.resolutionSLA.written)
            writer.endRecord()
        }
        return writer.bytes
    }
}
