import ArgumentParser
import Foundation
import PulseKit

/// `pulse validate PIPELINE [--data DIR]`: checks the pipeline file and every input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the pipeline file and every input without computing or publishing anything.",
        discussion: """
        Prints, per source, the files read, their encoding and the rows read, loaded and \
        quarantined, then the first quarantined rows with file:line and reason. Exits 0 when a \
        run would go ahead, 2 for a bad pipeline file or a missing required source, 1 for an \
        input file that cannot be read, 3 when a source's quarantined share is over \
        quality.max_quarantined_share.
        """
    )

    @Argument(help: "The pipeline file, e.g. pipelines/monthly-kpi.yml.")
    var pipeline: String

    @Option(name: .long, help: "The folder the pipeline's source paths start from (default: the pipeline's `data`).")
    var data: String?

    @Option(name: .long, help: "How many sources and file chunks to read at once (default: all cores).")
    var jobs: Int?

    @Option(name: .long, parsing: .singleValue,
            help: "Read only this source (repeatable), e.g. --source usage_events to check one large file.")
    var source: [String] = []

    func validate() throws {
        for name in source where CanonicalSource(rawValue: name) == nil {
            throw ValidationError("unknown source '\(name)'; expected one of: \(CanonicalSource.allCases.map(\.name).joined(separator: ", "))")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let only = source.isEmpty ? nil : Set(source.compactMap(CanonicalSource.init(rawValue:)))
        let outcome = PipelineValidation.validate(pipeline: pipeline, data: data,
                                                  jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, sources: only)
        switch outcome {
        case .failure(let error):
            FileHandle.standardError.write(Data("pulse validate: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        case .success(let report):
            print(report.rendered(), terminator: "")
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
        }
    }
}
