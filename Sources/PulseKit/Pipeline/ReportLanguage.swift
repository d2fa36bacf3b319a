/// The language of report labels (`language:` in a pipeline file).
package enum ReportLanguage: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// English (the default).
    case en
    /// Japanese.
    case ja
}
