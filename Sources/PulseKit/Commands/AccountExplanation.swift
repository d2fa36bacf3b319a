import Foundation
import Tabular

/// `pulse explain`: why an account's health score is what it is — each component's raw value, points,
/// effective weight, contribution and change since M−1, the components that moved the score most, any
/// override with its reason and author, and the alerts with the facts behind them.
public enum AccountExplanation {
    /// Computes the month for `options` (reading every source's files; nothing is written or published)
    /// and renders the explanation of `accountID`.
    public static func explain(accountID: String, options: RunOptions) -> Result<String, RunError> {
        do {
            return .success(try explanation(accountID: accountID, options: options))
        } catch {
            return .failure(error)
        }
    }

    /// The explanation, reading what a run of the same options reads: snapshot sources from their
    /// files; append sources as the warehouse has staged them (as its last run saw them; from their
    /// files when the warehouse has none yet).
    static func explanation(accountID: String, options: RunOptions) throws(RunError) -> String {
        let opening = try CommandOpening.open(options)
        do { try opening.checkDataFolder() } catch { throw .pulse(error) }
        let configuration = opening.configuration
        let period = try opening.period(options)
        let context = IngestContext(dataDirectory: configuration.dataFolder, timeZone: configuration.timeZone,
                                    currency: configuration.currency, jobs: options.jobs)
        let warehouseURL = opening.warehouseURL(options)
        let appendSources = CanonicalSource.allCases.filter { configuration.source($0).load == .append }
        let warehouse = FileManager.default.fileExists(atPath: warehouseURL.path) && !appendSources.isEmpty
            ? try? Warehouse(url: warehouseURL) : nil
        let fromFiles = Set(CanonicalSource.allCases.filter { warehouse == nil || !appendSources.contains($0) })
        var activity = UsageActivity(period: period, configuration: configuration)
        var data: ExtractedData
        do {
            data = try Extractor(context: context, settings: configuration.sources, sources: fromFiles)
                .run { activity.record($0, names: $1) }
        } catch {
            throw .pulse(.ingest(error))
        }
        if let warehouse {
            for source in appendSources {
                let staged = try AppendStaging.readStaged(source, from: warehouse, into: &data)
                data.loads.removeAll { $0.source == source }
                data.loads.append(staged.load)
            }
            data.loads.sort { $0.source < $1.source }
            if configuration.source(.usageEvents).load == .append {
                do {
                    try warehouse.read { db in try UsageStaging.record(into: &activity, lastDate: period.lastDateBeforeAsOf, in: db) }
                } catch {
                    throw .failed(error.description)
                }
            }
        }
        guard let position = data.accounts.firstIndex(where: { $0.id == accountID }) else {
            throw .badOption("account \"\(accountID)\" is not in the accounts file")
        }
        let input = TransformInput(data: data, period: period, configuration: configuration, usage: activity)
        let result = TransformStage.run([], input: input, jobs: options.jobs, historyMonths: 0)
        return render(position: position, data: data, result: result, configuration: configuration, period: period)
    }

    /// The explanation text.
    static func render(position a: Int, data: ExtractedData, result: TransformResult, configuration: PipelineConfiguration,
                       period: ReportingPeriod) -> String {
        let account = data.accounts[a]
        let facts = result.facts[a]
        let before = result.previousFacts[a]
        let previousMonth = period.month.adding(months: -1)
        func number(_ value: Double?, _ places: Int = 2) -> String { value.map { NumberText.fixed($0, places: places) } ?? "n/a" }
        var out = "\(account.id)  \(account.name)\n"
        out += "plan \(account.plan), tier \(facts.tier), MRR \(Money.text(facts.mrr)) — \(period.month), as of \(period.asOfText)\n\n"
        guard facts.isPaying, let health = facts.health else {
            out += "Not a paying customer in \(period.month): no health score.\n"
            return out + factsSection(facts)
        }
        out += "health     \(number(health.score)) \(health.band.rawValue)"
        if let override = facts.override {
            out += "  →  final \(number(facts.finalScore)) \(facts.finalBand.rawValue), overridden by \(override.author): \(override.reason) (until \(override.expiresOn))"
        }
        out += "\n"
        for expired in result.expiredOverrides where expired.accountID == account.id {
            let what = expired.score.map { "score \($0)" } ?? expired.band.map { "band \($0.rawValue)" } ?? ""
            out += "expired    override \(what) by \(expired.author): \(expired.reason) (until \(expired.expiresOn))\n"
        }
        let previousScore = before.isPaying ? before.health?.score : nil
        out += "delta      \(facts.healthDelta.map { ($0 >= 0 ? "+" : "") + NumberText.fixed($0, places: 2) } ?? "n/a")"
        out += previousScore.map { " since \(previousMonth) (\(NumberText.fixed($0, places: 2)))" } ?? " (no score in \(previousMonth))"
        out += "\n\n"
        var rows = [["component", "raw", "points", "weight", "contribution", "change"]]
        var changes: [(name: String, change: Double)] = []
        for (k, part) in health.parts.enumerated() {
            let old = before.isPaying ? before.health?.parts[k].contribution : nil
            let change = old.map { part.contribution - $0 }
            if let change { changes.append((part.name.name, change)) }
            rows.append([part.name.name, number(part.raw, 4), number(part.points), part.points == nil ? "missing" : NumberText.fixed(part.effectiveWeight * 100, places: 1) + "%",
                         number(part.contribution), change.map { ($0 >= 0 ? "+" : "") + NumberText.fixed($0, places: 2) } ?? "n/a"])
        }
        out += TextTable(rows: rows, rightAligned: [1, 2, 3, 4, 5]).rendered()
        let moved = changes.filter { abs($0.change) >= 0.005 }.sorted { (abs($0.change), $1.name) > (abs($1.change), $0.name) }.prefix(3)
        if !moved.isEmpty {
            out += "\nmoved most since \(previousMonth): "
            out += moved.map { "\($0.name) \($0.change >= 0 ? "+" : "")\(NumberText.fixed($0.change, places: 2))" }.joined(separator: ", ") + "\n"
        }
        let alerts = result.alerts.filter { $0.account == a }
        out += "\nalerts (\(alerts.count))\n"
        for alert in alerts {
            let rule = configuration.alerts[alert.rule]
            out += "  \(rule.id)  \(rule.kind.rawValue), \(alert.status.rawValue), owner \(rule.owner)\n"
            out += "    when \(rule.when.text)\n"
            out += "    facts \(alert.facts.map { "\($0.name)=\($0.value == .undefined ? "n/a" : Alert.text($0.value))" }.joined(separator: ", "))\n"
            out += "    \(rule.action)\n"
        }
        return out + factsSection(facts)
    }

    /// Every fact of docs/metrics.md §8, `n/a` when undefined.
    static func factsSection(_ facts: AccountFacts) -> String {
        var rows = [["fact", "value"]]
        for (slot, name) in AccountFactCatalog.vocabulary.names.enumerated() {
            let value = facts.text(ofSlot: slot)
            rows.append([name, value.isEmpty ? "n/a" : value])
        }
        return "\nfacts\n" + TextTable(rows: rows).rendered()
    }
}
