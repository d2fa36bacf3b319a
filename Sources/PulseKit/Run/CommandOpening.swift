import Foundation

/// How every command that reads a pipeline starts (`run`, `explain`, `validate`): the pipeline file
/// read (with `--data`), its data folder checked, and, for the commands that report on a month, the
/// period and as-of resolved — one code path, so that `explain` sees the month `run` would.
struct CommandOpening: Sendable {
    /// The pipeline.
    let configuration: PipelineConfiguration

    /// Reads `pipeline` (its data folder replaced by `data` when given).
    ///
    /// - Throws: the pipeline file's error, naming file, line and column (exit 2).
    static func open(pipeline: String, data: String?) throws(PulseError) -> CommandOpening {
        do {
            return CommandOpening(configuration: try PipelineConfiguration.load(from: URL(fileURLWithPath: pipeline),
                                                                                dataOverride: data.map { URL(fileURLWithPath: $0) }))
        } catch {
            throw .pipeline(error)
        }
    }

    /// The opening of a run or an explanation: `options`' pipeline.
    static func open(_ options: RunOptions) throws(RunError) -> CommandOpening {
        do { return try open(pipeline: options.pipeline, data: options.data) } catch { throw .pulse(error) }
    }

    /// Checks that the data folder is a folder.
    ///
    /// - Throws: a missing data folder (exit 2).
    func checkDataFolder() throws(PulseError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.dataFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDataFolder(configuration.dataFolder.path)
        }
    }

    /// The month and as-of `options` ask for, in the pipeline's time zone.
    func period(_ options: RunOptions) throws(RunError) -> ReportingPeriod {
        do {
            return try ReportingPeriod.resolve(period: options.period, asOf: options.asOf, timeZone: configuration.timeZone,
                                               now: options.now)
        } catch {
            throw .badOption(error.message)
        }
    }

    /// The warehouse file: the pipeline's `warehouse`, else `OUT/warehouse.sqlite`.
    func warehouseURL(_ options: RunOptions) -> URL {
        configuration.warehouse ?? options.outFolder.appendingPathComponent("warehouse.sqlite")
    }
}
