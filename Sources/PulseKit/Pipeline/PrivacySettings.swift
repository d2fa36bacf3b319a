import Tabular

/// The pipeline's `privacy` section: which personal data is masked in every report and log.
package struct PrivacySettings: Sendable, Equatable {
    /// A kind of personal data that can be masked.
    package enum MaskedField: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
        /// E-mail addresses.
        case email
        /// Phone numbers.
        case phone

        /// `email` sorts before `phone`.
        package static func < (lhs: MaskedField, rhs: MaskedField) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The kinds of personal data to mask; empty by default.
    package var mask: Set<MaskedField>

    /// Creates privacy settings.
    package init(mask: Set<MaskedField> = []) {
        self.mask = mask
    }

    /// The default: nothing masked.
    package static let `default` = PrivacySettings()

    /// The mask applied to every report and log line.
    package var personalDataMask: PersonalDataMask {
        PersonalDataMask(emails: mask.contains(.email), phones: mask.contains(.phone))
    }
}

extension PrivacySettings {
    /// Reads the `privacy` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["mask"])
        var settings = PrivacySettings.default
        if let mask = mapping["mask"] {
            var fields: Set<MaskedField> = []
            for item in try mask.list() {
                fields.insert(try item.choice(MaskedField.self))
            }
            settings.mask = fields
        }
        self = settings
    }
}
