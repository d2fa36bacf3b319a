import Foundation
import Workbook

/// One unit of the report stage's work: the files it writes into the staging folder and how. Jobs
/// run concurrently; a job that writes several files (a QBR's page and workbook) builds what they
/// share once.
struct ReportJob: Sendable {
    /// The files the job writes, relative to the report folder.
    let names: [String]
    /// Writes them.
    let write: @Sendable (ReportPublisher) throws(RunError) -> Void

    /// A file rendered to bytes, written with `mode` (0640, or 0600 for raw rows).
    static func file(_ name: String, mode: mode_t = 0o640, _ render: @escaping @Sendable () -> [UInt8]) -> ReportJob {
        ReportJob(names: [name]) { publisher throws(RunError) in try publisher.write(name, render(), mode: mode) }
    }

    /// A workbook, which writes its file itself.
    static func workbook(_ name: String, _ write: @escaping @Sendable (String) throws(WorkbookError) -> Void) -> ReportJob {
        ReportJob(names: [name]) { publisher throws(RunError) in try writeWorkbook(name, to: publisher, write) }
    }

    /// Writes a workbook into the staging folder with the set's file mode.
    static func writeWorkbook(_ name: String, to publisher: ReportPublisher,
                              _ write: (String) throws(WorkbookError) -> Void) throws(RunError) {
        let url = try publisher.prepare(name)
        do throws(WorkbookError) { try write(url.path) } catch { throw RunError.failed("writing \(name): \(error)") }
        try publisher.seal(url)
    }
}
