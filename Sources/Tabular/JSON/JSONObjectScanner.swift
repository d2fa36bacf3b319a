extension JSONMemberSpans {
    /// Scans `document`, exactly one JSON text (a line of a JSON Lines file, whitespace and a
    /// trailing CR allowed around the value), into `spans`, replacing what it held.
    ///
    /// Accepts and rejects exactly what ``JSONParser/parse(_:options:)`` does, throwing the same
    /// ``JSONSyntaxError`` (message, line, column, byte offset). A valid top-level value that is
    /// not an object is not an error: `spans.topLevelKind` tells what it is, and `spans` has no
    /// members. After an error `spans` is empty. Nothing is allocated once `spans` has grown to
    /// the size of the documents (and while nested objects stay free of duplicate-key checks:
    /// their keys are compared as strings).
    public static func scan(
        _ document: UnsafeBufferPointer<UInt8>, into spans: inout JSONMemberSpans,
        options: JSONParser.Options = .init()
    ) throws(JSONSyntaxError) {
        guard let base = document.baseAddress, document.count > 0 else {
            spans.removeAll()
            throw JSONSyntaxError(
                message: "unexpected end of input, expected a value", line: 1, column: 1, byteOffset: 0)
        }
        var scanner = JSONScanner(base: base, count: document.count, options: options)
        // Lend the caller's storage to the scanner, and take it back however the scan ends.
        swap(&scanner.work, &spans.workspace)
        swap(&scanner.spans, &spans)
        defer {
            swap(&scanner.spans, &spans)
            swap(&scanner.work, &spans.workspace)
        }
        try scanner.scanSpansDocument(from: 0)
    }
}
