import Foundation

/// A pipeline file (`pipelines/*.yml`, docs/ingest.md, "The pipeline file") read into typed settings, with
/// every default of docs/metrics.md filled in for what the file does not set.
///
/// Read one with `load(from:dataOverride:)` (a file) or `parse(yaml:file:directory:dataOverride:)`
/// (text). Every problem — an unknown key, a wrong type or value, a YAML syntax error, a duplicated
/// key — is a `PipelineFileError` naming the file, line and column; a typo never falls back to a
/// default.
package struct PipelineConfiguration: Sendable, Equatable {
    /// The file as the caller named it, used in error messages and rule positions.
    package let file: String
    /// The folder of the pipeline file, against which `data` and `warehouse` are resolved.
    package let directory: URL
    /// The file's text exactly as read, so a run manifest can hash it.
    package let sourceText: String

    /// The pipeline's name (`name:`); default: the file name without its extension.
    package var name: String
    /// The data folder (`data:`), resolved against the file's folder; replaced by `--data`; default:
    /// the file's folder.
    package var dataFolder: URL
    /// The reporting time zone (`timezone:`, an IANA name); default Asia/Tokyo.
    package var timeZone: TimeZone
    /// The reporting currency (`currency:`, an ISO 4217 code); default JPY.
    package var currency: String
    /// The SQLite warehouse (`warehouse:`), resolved against the file's folder; nil: the run's
    /// default (`OUT/warehouse.sqlite`).
    package var warehouse: URL?
    /// The language of report labels (`language:`); default English.
    package var language: ReportLanguage
    /// Where and how to read each canonical source; holds an entry for every `CanonicalSource`.
    package var sources: [CanonicalSource: SourceConfiguration]
    /// The data-quality threshold.
    package var quality: QualitySettings
    /// What personal data is masked.
    package var privacy: PrivacySettings
    /// The business calendar of SLA and business-time durations.
    package var calendar: BusinessCalendarSettings
    /// The tiers, first match wins.
    package var tiers: [TierRule]
    /// The urgency × impact priority matrix (`priority_matrix:`).
    package var priorityMatrix: PriorityMatrix
    /// The SLA targets.
    package var sla: ServiceLevelTargets
    /// The adoption settings (key features).
    package var adoption: AdoptionSettings
    /// The onboarding settings.
    package var onboarding: OnboardingSettings
    /// The health-score model.
    package var health: HealthModel
    /// The alert rules: the file's list when it has `alerts:`, else the eleven defaults.
    package var alerts: [AlertRule]
    /// Target values shown next to the figures in the KPI review.
    package var targets: MetricTargets
    /// Which reports to write.
    package var reports: ReportSettings

    /// The settings of one canonical source (its defaults when the file does not mention it).
    package func source(_ source: CanonicalSource) -> SourceConfiguration {
        sources[source] ?? .default(for: source)
    }

    /// The top-level keys of a pipeline file, in the order of docs/ingest.md, "The pipeline file".
    package static let topLevelKeys = [
        "name", "data", "timezone", "currency", "warehouse", "language", "sources", "quality", "privacy",
        "calendar", "tiers", "priority_matrix", "sla", "adoption", "onboarding", "health", "alerts", "targets",
        "reports",
    ]

    /// The default reporting time zone.
    package static let defaultTimeZoneIdentifier = "Asia/Tokyo"
    /// The default reporting currency.
    package static let defaultCurrency = "JPY"

    // MARK: Loading

    /// Reads and checks a pipeline file. `dataOverride` (the `--data` option) replaces the file's
    /// `data`. Errors name the file as `url.relativePath` (as given when the URL was made).
    package static func load(from url: URL, dataOverride: URL? = nil) throws(PipelineFileError) -> PipelineConfiguration {
        let file = url.relativePath
        let url = url.absoluteURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PipelineFileError(file: file, line: 0, column: 0, message: "pipeline file not found")
        }
        guard !isDirectory.boolValue else {
            throw PipelineFileError(file: file, line: 0, column: 0, message: "is a folder, not a pipeline file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PipelineFileError(file: file, line: 0, column: 0,
                                    message: "cannot read the pipeline file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineFileError(file: file, line: 0, column: 0,
                                    message: "the pipeline file is not UTF-8 text; save it as UTF-8")
        }
        return try parse(yaml: text, file: file, directory: url.deletingLastPathComponent(),
                         dataOverride: dataOverride)
    }

    /// Reads and checks the text of a pipeline file. `file` is the name used in errors and rule
    /// positions; `directory` is the folder the file lives in (relative paths resolve against it);
    /// `dataOverride` replaces the file's `data`.
    package static func parse(yaml: String, file: String, directory: URL,
                             dataOverride: URL? = nil) throws(PipelineFileError) -> PipelineConfiguration {
        var text = yaml
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let reader = PipelineFileReader(file: file, text: text)
        let root = try reader.root()
        guard root.isNull || root.node.mapping != nil else {
            throw root.error("expected a mapping of pipeline settings (key: value) at the top of the file, got \(root.got)")
        }
        let top = try root.mapping(keys: topLevelKeys)
        let directory = directory.absoluteURL

        var configuration = PipelineConfiguration(
            file: file, directory: directory, sourceText: yaml,
            name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            dataFolder: directory.standardizedFileURL,
            timeZone: TimeZone(identifier: defaultTimeZoneIdentifier)!,
            currency: defaultCurrency, warehouse: nil, language: .en,
            sources: Dictionary(uniqueKeysWithValues: CanonicalSource.allCases.map { ($0, .default(for: $0)) }),
            quality: .default, privacy: .default, calendar: .default, tiers: TierRule.defaults,
            priorityMatrix: .default, sla: .default, adoption: .default, onboarding: .default, health: .default,
            alerts: AlertRule.defaults, targets: .default, reports: .default)

        if let value = top["name"] {
            let name = try value.string("a pipeline name")
            guard !name.contains("/"), !name.contains("\\") else {
                throw value.error("a pipeline name cannot contain '/' or '\\', got \(value.got)")
            }
            configuration.name = name
        }
        if let value = top["data"] {
            configuration.dataFolder = resolve(try value.string("a folder path"), against: directory)
        }
        if let dataOverride {
            configuration.dataFolder = dataOverride.absoluteURL.standardizedFileURL
        }
        if let value = top["timezone"] {
            let identifier = try value.string("a time zone name such as Asia/Tokyo")
            guard let timeZone = TimeZone(identifier: identifier) else {
                throw value.error("unknown time zone \(value.got) for 'timezone'; expected an IANA name such as Asia/Tokyo or UTC")
            }
            configuration.timeZone = timeZone
        }
        if let value = top["currency"] {
            let code = try value.scalarText("a 3-letter currency code such as JPY")
            guard code.wholeMatch(of: /[A-Z]{3}/) != nil else {
                throw value.expected("a 3-letter currency code such as JPY")
            }
            configuration.currency = code
        }
        if let value = top["warehouse"] {
            configuration.warehouse = resolve(try value.string("a file path"), against: directory)
        }
        if let value = top["language"] {
            configuration.language = try value.choice(ReportLanguage.self)
        }
        if let value = top["sources"] {
            for entry in try value.mapping(keys: CanonicalSource.allCases.map(\.name)).entries {
                let source = CanonicalSource(rawValue: entry.key)!
                configuration.sources[source] = try SourceConfiguration(reading: entry.value, source: source)
            }
        }
        if let value = top["quality"] { configuration.quality = try QualitySettings(reading: value) }
        if let value = top["privacy"] { configuration.privacy = try PrivacySettings(reading: value) }
        if let value = top["calendar"] { configuration.calendar = try BusinessCalendarSettings(reading: value) }
        if let value = top["tiers"] { configuration.tiers = try TierRule.readList(value) }
        if let value = top["priority_matrix"] { configuration.priorityMatrix = try PriorityMatrix(reading: value) }
        if let value = top["sla"] { configuration.sla = try ServiceLevelTargets(reading: value) }
        if let value = top["adoption"] { configuration.adoption = try AdoptionSettings(reading: value) }
        if let value = top["onboarding"] { configuration.onboarding = try OnboardingSettings(reading: value) }
        if let value = top["health"] { configuration.health = try HealthModel(reading: value) }
        if let value = top["alerts"] { configuration.alerts = try AlertRule.readList(value) }
        if let value = top["targets"] { configuration.targets = try MetricTargets(reading: value) }
        if let value = top["reports"] { configuration.reports = try ReportSettings(reading: value) }
        return configuration
    }

    /// A path from the file, resolved against the file's folder (`~` expands to the home folder;
    /// absolute paths stay as they are).
    static func resolve(_ path: String, against directory: URL) -> URL {
        let expanded = path.hasPrefix("~") ? NSString(string: path).expandingTildeInPath : path
        if expanded.hasPrefix("/") {
            return URL(fileURLWithPath: expanded).standardizedFileURL
        }
        return directory.appendingPathComponent(expanded).standardizedFileURL
    }
}
