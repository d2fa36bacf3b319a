/// What to generate.
public struct SampleSettings: Sendable {
    /// Number of CRM accounts.
    public var accounts: Int = 200
    /// Number of months of activity data, ending with `endMonth`.
    public var months: Int = 24
    /// The seed: the same settings give the same bytes.
    public var seed: UInt64 = 1
    /// The last month with data (a fixed month, never the wall clock).
    public var endMonth: (year: Int, month: Int) = (2026, 10)

    /// Settings for a sample of `accounts` accounts over `months` months ending with `endMonth`.
    public init(accounts: Int = 200, months: Int = 24, seed: UInt64 = 1,
                endMonth: (year: Int, month: Int) = (2026, 10)) {
        self.accounts = accounts
        self.months = months
        self.seed = seed
        self.endMonth = endMonth
    }

    /// The largest number of accounts a sample may have.
    public static let maximumAccounts = 1_000_000
    /// The largest number of months a sample may span.
    public static let maximumMonths = 240

    /// Throws `SampleError.invalidSettings` unless every value is in range.
    public func validate() throws {
        guard (1...Self.maximumAccounts).contains(accounts) else {
            throw SampleError.invalidSettings("accounts must be between 1 and \(Self.maximumAccounts), got \(accounts)")
        }
        guard (1...Self.maximumMonths).contains(months) else {
            throw SampleError.invalidSettings("months must be between 1 and \(Self.maximumMonths), got \(months)")
        }
        guard (1...12).contains(endMonth.month), (1990...9000).contains(endMonth.year) else {
            throw SampleError.invalidSettings("end month must be a month between 1990-01 and 9000-12, got \(endMonth.year)-\(endMonth.month)")
        }
    }
}
