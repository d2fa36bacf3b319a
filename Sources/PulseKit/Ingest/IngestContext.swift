import Foundation

/// What every source reader needs to know about the run: where the data is, the pipeline's
/// time zone and reporting currency, and how many parallel jobs it may use.
package struct IngestContext: Sendable {
    /// The folder that relative source paths start from.
    package var dataDirectory: URL
    /// The time zone naive datetimes and dates are read in.
    package var timeZone: TimeZone
    /// The reporting currency (ISO 4217).
    package var currency: String
    /// The most work items run at once.
    package var jobs: Int

    /// Creates a context.
    package init(dataDirectory: URL, timeZone: TimeZone, currency: String, jobs: Int) {
        self.dataDirectory = dataDirectory
        self.timeZone = timeZone
        self.currency = currency
        self.jobs = max(1, jobs)
    }
}
