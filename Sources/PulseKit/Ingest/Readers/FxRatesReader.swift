import Foundation
import Tabular

/// Reads `crm/fx_rates.csv`: month `YYYY-MM`, currency, rate > 0. A repeated (month, currency)
/// keeps the later row; the earlier one is recorded as a warning, never dropped silently.
struct FxRatesReader {
    let settings: SourceConfiguration
    let context: IngestContext

    func read(into log: inout IngestLog) throws(IngestError) -> ([FxRate], SourceLoad) {
        let reader = CSVSourceReader(settings: settings, dataDirectory: context.dataDirectory)
        var (records, load) = try reader.read(into: &log) { row -> (FxRate, Int)? in
            let monthText = row.requiredText("month")
            let currency = row.required("currency", CurrencyCode.parse)
            let rate = row.required("rate") { (bytes) throws(ValueError) in
                let value = try DecimalGrammar.parseExact(bytes, allowNegative: false)
                guard !value.isZero else { throw ValueError("rate must be greater than 0") }
                return value
            }
            guard !row.isRejected, let currency, let rate else { return nil }
            guard let month = YearMonth(monthText) else {
                row.reject("month", "expected YYYY-MM, got \"\(monthText.prefix(60))\"")
                return nil
            }
            return (FxRate(month: month, currency: currency, rate: rate), row.line)
        }
        // The later row wins for a repeated (month, currency).
        var latest: [String: Int] = [:]
        for (index, (rate, _)) in records.enumerated() {
            let key = "\(rate.month) \(rate.currency)"
            if let earlier = latest[key] {
                let line = records[earlier].1
                log.warn(DataIssue(source: .fxRates, file: load.files.first?.path ?? settings.path, line: line, column: settings.header(for: "rate"),
                                   reason: "fx rate for \(key) replaced by a later row (line \(records[index].1))", raw: ""))
                load.rowsSuperseded += 1
            }
            latest[key] = index
        }
        let kept = latest.values.sorted().map { records[$0].0 }
        return (kept, load)
    }
}
