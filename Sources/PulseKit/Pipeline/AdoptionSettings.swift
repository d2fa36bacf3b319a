/// The pipeline's `adoption` section: the key features whose use makes up feature breadth.
package struct AdoptionSettings: Sendable, Equatable {
    /// The key features (usage event names), in order; at least one.
    package var keyFeatures: [String]

    /// Creates adoption settings.
    package init(keyFeatures: [String]) {
        self.keyFeatures = keyFeatures
    }

    /// The default key features of docs/metrics.md §5.2.
    package static let `default` = AdoptionSettings(
        keyFeatures: ["report.export", "workflow.create", "integration.sync", "dashboard.share", "ai.assist"])
}

extension AdoptionSettings {
    /// Reads the `adoption` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["key_features"])
        var settings = AdoptionSettings.default
        if let list = mapping["key_features"] {
            var features: [String] = []
            for item in try list.list() {
                let feature = try item.identifier()
                if features.contains(feature) { throw item.error("key feature '\(feature)' is listed twice") }
                features.append(feature)
            }
            guard !features.isEmpty else { throw list.error("expected at least one key feature in 'key_features'") }
            settings.keyFeatures = features
        }
        self = settings
    }
}
