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
            writer.appendField(LocalTimeText.iso8601(ticket.createdAt, zone: zone))
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

/// An instant written as ISO 8601 local time with the zone's offset, e.g. `2026-11-01T09:30:00+09:00`.
enum LocalTimeText {
    /// The text of `instant` in `zone` (milliseconds written only when not zero).
    static func iso8601(_ instant: Instant, zone: ZoneOffsets) -> String {
        let offset = zone.offsetSeconds(at: instant)
        var text = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offset) * 1000).description
        text.removeLast()   // "Z"
        let minutes = abs(offset) / 60
        let hh = minutes / 60, mm = minutes % 60
        text += (offset < 0 ? "-" : "+") + (hh < 10 ? "0" : "") + String(hh) + ":" + (mm < 10 ? "0" : "") + String(mm)
        return text
    }
}
