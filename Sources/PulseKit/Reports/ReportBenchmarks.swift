import Foundation
import Tabular
import Workbook

/// Entry points for `benchmarks/`: they run one report writer exactly as the run does, on rows taken
/// from a real output file, so that its speed can be measured on its own.
package enum ReportBenchmarks {
    /// The rows of an `accounts.csv`, typed as the Accounts sheet types them.
    package struct AccountRows: Sendable {
        /// The header row.
        package let columns: [String]
        /// The typed rows.
        package let rows: [[ReportCell]]
    }

    /// Reads `path` (an `accounts.csv` written by `pulse run`) and repeats its rows until there are
    /// `count` of them.
    package static func accountRows(csv path: String, count: Int) throws -> AccountRows {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var records: [[String]] = []
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVField] = []
            while scanner.next(into: &fields) != nil { records.append(fields.map { scanner.string($0) }) }
        }
        guard let columns = records.first, records.count > 1 else { return AccountRows(columns: records.first ?? [], rows: []) }
        let body = records.dropFirst()
        let text: Set = ["account_id", "name", "plan", "tier", "csm", "movement", "health_band", "health_band_final",
                         "override_reason", "onboarding_status"]
        let integers: Set = ["mau", "sla_breaches_90d", "tickets_90d", "ttfv_days", "days_to_renewal"]
        let typed: [[ReportCell]] = body.map { record in
            zip(columns, record).map { column, value -> ReportCell in
                if text.contains(column) { return .text(value.isEmpty ? nil : value) }
                if column.hasPrefix("mrr_") { return .money(Int64(((Double(value) ?? 0) * 10_000).rounded())) }
                if integers.contains(column) { return .integer(Int(value)) }
                return .number(Double(value))
            }
        }
        var rows: [[ReportCell]] = []
        rows.reserveCapacity(count)
        while rows.count < count { rows.append(typed[rows.count % typed.count]) }
        return AccountRows(columns: columns, rows: rows)
    }

    /// Writes `rows` as the KPI review's Accounts sheet (the run's code: number formats, fitted widths,
    /// frozen panes, autofilter, band highlighting) into a constant-memory workbook at `path`, closed.
    package static func writeAccountsSheet(_ rows: AccountRows, currency: String, to path: String) throws {
        let book = try Workbook(path: path, constantMemory: true)
        KPIReviewWorkbook.writeAccounts(Table(rows: rows), to: try ReportWorkbook.addSheet(book, "Accounts"), out: ReportWorkbook(currency: currency))
        try book.close()
    }

    private struct Table: ReportTable {
        let rows: AccountRows
        var columns: [String] { rows.columns }
        var rowCount: Int { rows.rows.count }
        func forEachRow(_ body: ([ReportCell]) -> Void) { rows.rows.forEach(body) }
    }
}
