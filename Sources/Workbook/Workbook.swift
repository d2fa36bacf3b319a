import CXlsxWriter
import Foundation

/// An .xlsx file being built in memory (or streamed, in constant-memory mode); ``close()`` writes it.
///
/// A workbook and its sheets and charts must be used from one thread at a time; separate
/// workbooks may be built on separate threads concurrently. Nothing is written to `path`
/// until ``close()`` succeeds. Problems found while writing cells are collected and
/// reported by ``close()``, which then writes no file.
public final class Workbook {
    /// Where ``close()`` writes the file.
    public let path: String
    /// True when rows are streamed to a temporary file as they are written (see ``init(path:constantMemory:temporaryDirectory:)``).
    public let constantMemory: Bool

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let temporaryDirectory: UnsafeMutablePointer<CChar>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The styles used most recently with their formats: a sheet's rows repeat a few styles, and
    /// comparing them is much cheaper than hashing one per cell.
    private var recentFormats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
    private var sheetNames: [String] = []
    private var chartReferences: [(series: String, sheet: String)] = []
    private var timestamp: Int64 = 1
    private var failures: [String] = []
    private var failureCount = 0

    /// Applied to every text cell before it is written (for example to mask personal data); nil
    /// writes text as given.
    public var textFilter: (@Sendable (String) -> String)?

    /// The most problems quoted in ``close()``'s error message.
    static let quotedFailureLimit = 5

    /// Starts a new workbook that ``close()`` will write to `path`.
    ///
    /// - Parameters:
    ///   - path: The output file; its directory must exist and be writable when ``close()`` runs.
    ///   - constantMemory: Stream each row to a temporary file as soon as a later row is
    ///     started, keeping memory flat for large sheets. In this mode rows must be written
    ///     in increasing order per sheet (cells within the current row may come in any
    ///     order); writing to an earlier row is an error reported by ``close()``. Strings
    ///     are stored inline instead of in a shared table, and charts get no cached values.
    ///   - temporaryDirectory: Where libxlsxwriter puts its temporary files; nil for the
    ///     system default (`TMPDIR`, then `/tmp`).
    /// - Throws: ``WorkbookError`` if the path is empty or the temporary directory is missing.
    public init(path: String, constantMemory: Bool = false, temporaryDirectory: String? = nil) throws(WorkbookError) {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw WorkbookError("cannot create a workbook: the output path \(path.debugDescription) is empty or contains NUL")
        }
        if let temporaryDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: temporaryDirectory, isDirectory: &isDirectory),
                  isDirectory.boolValue
            else {
                throw WorkbookError("cannot create workbook '\(path)': temporary directory '\(temporaryDirectory)' does not exist or is not a directory")
            }
        }
        self.path = path
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory.flatMap { strdup($0) }
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = self.temporaryDirectory
        handle = path.withCString { workbook_new_opt($0, &options) }
        guard handle != nil else {
            throw WorkbookError("cannot create workbook '\(path)': libxlsxwriter could not allocate it")
        }
        // libxlsxwriter stamps core.xml with the current time unless told otherwise.
        try setProperties(DocumentProperties())
    }

    deinit {
        // lxw_workbook_free releases everything without creating the output file.
        if let handle { lxw_workbook_free(handle) }
        free(temporaryDirectory)
    }

    /// Sets the title, author and other document properties, replacing earlier ones.
    ///
    /// - Throws: ``WorkbookError`` if the workbook is closed or `created` is out of range.
    public func setProperties(_ properties: DocumentProperties) throws(WorkbookError) {
        let handle = try openHandle(for: "set document properties")
        guard (0...253_402_300_799).contains(properties.created) else {
            throw WorkbookError("cannot set document properties of '\(path)': created \(properties.created) is outside 0...253402300799 (1970 through 9999)")
        }
        let created = max(properties.created, 1)
        let fields = [properties.title, properties.subject, properties.author, properties.company, properties.comments]
        let copies = fields.map { $0.isEmpty ? nil : strdup(CellText.sanitized($0)) }
        defer { copies.forEach { free($0) } }
        var values = lxw_doc_properties()
        values.title = copies[0]
        values.subject = copies[1]
        values.author = copies[2]
        values.company = copies[3]
        values.comments = copies[4]
        values.created = time_t(created)
        let error = workbook_set_properties(handle, &values)
        guard error == LXW_NO_ERROR else {
            throw WorkbookError("cannot set document properties of '\(path)': \(Self.describe(error))")
        }
        timestamp = created
    }

    /// Adds a worksheet after the existing ones.
    ///
    /// - Throws: ``WorkbookError`` naming the broken rule if `name` is empty, longer than 31
    ///   characters, contains any of `[ ] : * ? /` `\` or a control character, starts or ends
    ///   with an apostrophe, is "History", or matches an existing sheet ignoring case.
    public func addWorksheet(_ name: String) throws(WorkbookError) -> Worksheet {
        let handle = try openHandle(for: "add worksheet '\(name)'")
        if let problem = SheetName.problem(with: name, existing: sheetNames) {
            throw WorkbookError("invalid sheet name '\(name)' in '\(path)': \(problem)")
        }
        let verdict = name.withCString { workbook_validate_sheet_name(handle, $0) }
        guard verdict == LXW_NO_ERROR else {
            throw WorkbookError("invalid sheet name '\(name)' in '\(path)': \(Self.describe(verdict))")
        }
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            let hint = constantMemory ? " (constant-memory mode needs a temporary file; check the temporary directory)" : ""
            throw WorkbookError("cannot add worksheet '\(name)' to '\(path)'\(hint)")
        }
        sheetNames.append(name)
        return Worksheet(workbook: self, pointer: sheet, name: name)
    }

    /// Creates a chart; fill it with series, then place it with ``Worksheet/insertChart(_:row:column:xScale:yScale:)``.
    public func addChart(_ kind: ChartKind) -> Chart {
        guard let handle else {
            return Chart(workbook: self, pointer: nil, kind: kind)
        }
        let chart = workbook_add_chart(handle, kind.libxlsxwriterType)
        if chart == nil { record("cannot create a \(kind) chart") }
        return Chart(workbook: self, pointer: chart, kind: kind)
    }

    /// Writes the file to ``path`` and releases the workbook; later calls on it or its sheets do nothing.
    ///
    /// - Throws: ``WorkbookError`` if earlier writes failed (then no file is written), if the
    ///   workbook was already closed, or if libxlsxwriter could not write the file (the message
    ///   names the path and libxlsxwriter's reason; a partly written file is removed).
    public func close() throws(WorkbookError) {
        guard let handle else {
            throw WorkbookError("workbook '\(path)' is already closed")
        }
        self.handle = nil
        formats.removeAll()
        recentFormats.removeAll()
        for reference in chartReferences where !sheetNames.contains(reference.sheet) {
            record("chart series '\(reference.series)' refers to sheet '\(reference.sheet)', which does not exist")
        }
        guard failureCount == 0 else {
            lxw_workbook_free(handle)
            throw WorkbookError(failureSummary())
        }
        let error = CloseGate.shared.run(timestamp: timestamp) { workbook_close(handle) }
        guard error == LXW_NO_ERROR else {
            if error != LXW_ERROR_CREATING_XLSX_FILE { unlink(path) }
            throw WorkbookError("cannot write '\(path)': \(Self.describe(error))")
        }
    }

    // MARK: - Shared with Worksheet and Chart

    /// False once ``close()`` has run; the C objects are gone then.
    var isOpen: Bool { handle != nil }

    /// The cached format for `style`, creating it on first use; nil for no style or on failure.
    func format(for style: CellStyle?, context: @autoclosure () -> String) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, let handle else { return nil }
        for recent in recentFormats where recent.style == style { return recent.format }
        if let format = formats[style] {
            remember(style, format)
            return format
        }
        if let problem = style.problem {
            record("\(context()): \(problem)")
            return nil
        }
        guard let format = workbook_add_format(handle) else {
            record("\(context()): cannot allocate a cell format")
            return nil
        }
        style.apply(to: format)
        formats[style] = format
        remember(style, format)
        return format
    }

    /// Keeps `style` among the eight most recently used.
    private func remember(_ style: CellStyle, _ format: UnsafeMutablePointer<lxw_format>) {
        if recentFormats.count == 8 { recentFormats.removeFirst() }
        recentFormats.append((style, format))
    }

    /// Notes a failure for ``close()`` to report.
    func record(_ message: String) {
        failureCount += 1
        if failures.count < Self.quotedFailureLimit { failures.append(message) }
    }

    /// Notes that a chart series reads from `sheet`, checked when closing.
    func noteChartReference(series: String, sheet: String) {
        chartReferences.append((series, sheet))
    }

    /// libxlsxwriter's description of an error code.
    static func describe(_ error: lxw_error) -> String {
        String(cString: lxw_strerror(error))
    }

    private func openHandle(for action: String) throws(WorkbookError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw WorkbookError("cannot \(action): workbook '\(path)' is already closed")
        }
        return handle
    }

    private func failureSummary() -> String {
        let noun = failureCount == 1 ? "problem" : "problems"
        var text = "did not write '\(path)': \(failureCount) \(noun) while building it: "
        text += failures.joined(separator: "; ")
        if failureCount > failures.count {
            text += "; and \(failureCount - failures.count) more"
        }
        return text
    }
}
