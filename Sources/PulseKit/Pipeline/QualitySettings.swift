/// The pipeline's `quality` section: how much bad data a run tolerates before it publishes nothing.
package struct QualitySettings: Sendable, Equatable {
    /// The largest share (0...1) of a source's rows that may be quarantined; above it the run exits
    /// with status 3 and publishes nothing. Default 0.05.
    package var maxQuarantinedShare: Double
    /// Whether a stale event source (records before M, none in M) stops the run with status 3
    /// instead of only being warned about. Default false.
    package var requireFresh: Bool

    /// Creates quality settings.
    package init(maxQuarantinedShare: Double = 0.05, requireFresh: Bool = false) {
        self.maxQuarantinedShare = maxQuarantinedShare
        self.requireFresh = requireFresh
    }

    /// The default: at most 5 % of a source's rows quarantined.
    package static let `default` = QualitySettings()
}

extension QualitySettings {
    /// Reads the `quality` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["max_quarantined_share", "require_fresh"])
        var settings = QualitySettings.default
        if let share = mapping["max_quarantined_share"] {
            let number = try share.number()
            guard (0...1).contains(number) else {
                throw share.error("expected a share between 0 and 1 for 'max_quarantined_share', got \(share.got)")
            }
            settings.maxQuarantinedShare = number
        }
        if let fresh = mapping["require_fresh"] { settings.requireFresh = try fresh.bool() }
        self = settings
    }
}
