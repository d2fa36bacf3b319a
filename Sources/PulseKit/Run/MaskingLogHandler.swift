import Logging
import Tabular

/// A log handler that masks personal data (the pipeline's `privacy.mask`) in every message and
/// metadata value before handing the line on.
struct MaskingLogHandler: LogHandler {
    /// Where masked lines go.
    var wrapped: any LogHandler
    /// What is masked.
    let mask: PersonalDataMask

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        var masked = event
        masked.message = "\(mask.apply(event.message.description))"
        masked.metadata = event.metadata?.mapValues(self.masked)
        if let error = event.error { masked.error = MaskedError(description: mask.apply("\(error)")) }
        wrapped.log(event: masked)
    }

    /// An error whose description is masked.
    private struct MaskedError: Error, CustomStringConvertible {
        let description: String
    }

    /// A metadata value with every string in it masked.
    private func masked(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(mask.apply(text))
        case .stringConvertible(let item): .string(mask.apply(item.description))
        case .array(let items): .array(items.map(masked))
        case .dictionary(let entries): .dictionary(entries.mapValues(masked))
        }
    }
}
