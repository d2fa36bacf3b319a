import Foundation

/// `pulse validate`: loads a pipeline file and reads every input through the extract stage,
/// without computing or publishing anything.
public enum PipelineValidation {
    /// Validates the pipeline at `pipeline`, reading data from `data` when given.
    ///
    /// - Parameter sources: the sources to read (all when nil); subscriptions also read the
    ///   accounts and exchange rates they are checked against.
    public static func validate(pipeline: String, data: String?, jobs: Int,
                                sources: Set<CanonicalSource>? = nil) -> Result<ValidationReport, PulseError> {
        let configuration: PipelineConfiguration
        do {
            let opening = try CommandOpening.open(pipeline: pipeline, data: data)
            try opening.checkDataFolder()
            configuration = opening.configuration
        } catch {
            return .failure(error)
        }
        let context = IngestContext(dataDirectory: configuration.dataFolder, timeZone: configuration.timeZone,
                                    currency: configuration.currency, jobs: jobs)
        let extractor = Extractor(context: context, settings: configuration.sources,
                                  sources: sources ?? Set(CanonicalSource.allCases))
        do {
            let data = try extractor.run()
            var report = ValidationReport(pipeline: pipeline, dataDirectory: configuration.dataFolder.path,
                                          maxQuarantinedShare: configuration.quality.maxQuarantinedShare, data: data)
            report.mask = configuration.privacy.personalDataMask
            return .success(report)
        } catch {
            return .failure(.ingest(error))
        }
    }
}
