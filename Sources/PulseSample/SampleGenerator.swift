import Foundation
import PulseKit

/// Generates a realistic synthetic data folder of the canonical shape (docs/ingest.md,
/// "The canonical sources"): a B2B SaaS company's CRM, helpdesk, surveys, product usage, onboarding, help
/// center and health overrides, with Japanese customers, yen and dollar contracts, and every movement,
/// support case and edge case the metrics have to handle.
///
/// The same settings always give the same bytes: all randomness comes from the seed, dates come
/// from the settings' end month (never the clock), and every number is formatted digit by digit.
public struct SampleGenerator: Sendable {
    /// What to generate.
    public let settings: SampleSettings

    /// A generator for `settings`.
    public init(settings: SampleSettings) {
        self.settings = settings
    }

    /// Writes every canonical file into `directory` (created if needed; files already there are
    /// replaced, others left alone) and returns what was written, in canonical source order.
    public func write(to directory: URL) throws -> SampleSummary {
        try settings.validate()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SampleError.cannotWrite(path: directory.path, reason: "\(error)")
        }
        let portfolio = SamplePortfolio(settings: settings)
        let crm = SampleCRMFiles(portfolio: portfolio)
        var written: [(path: String, rows: Int, bytes: Int)] = []
        written.append(try crm.writeAccounts(to: directory))
        written.append(try crm.writeSubscriptions(to: directory))
        written.append(try crm.writeFXRates(to: directory))
        written.append(contentsOf: try SampleTickets(portfolio: portfolio).write(to: directory))
        written.append(try SampleNPS(portfolio: portfolio).write(to: directory))
        written.append(try SampleUsage(portfolio: portfolio).write(to: directory))
        written.append(try SampleMilestones(portfolio: portfolio).write(to: directory))
        written.append(try SampleArticleEvents(portfolio: portfolio).write(to: directory))
        written.append(try SampleHealthOverrides(portfolio: portfolio).write(to: directory))

        let order = CanonicalSource.allCases.map(\.defaultPath)
        let files = order.compactMap { path in written.first { $0.path == path } }
        return SampleSummary(files: files)
    }
}
