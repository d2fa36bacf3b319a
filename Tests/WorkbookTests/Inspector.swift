import Foundation
import XCTest

/// Reads written workbooks back with Python's openpyxl and zipfile, for assertions.
enum Inspector {
    /// What openpyxl and zipfile saw in a workbook.
    struct Inspection: Decodable {
        /// `zipfile.testzip()` found no bad entry.
        let zipOK: Bool
        /// XML parts that failed to parse, with the parser's message.
        let xmlErrors: [String]
        /// Every zip entry's (year, month, day, hour, minute, second).
        let zipDates: [[Int]]
        let properties: Properties
        let sheets: [Sheet]

        func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
    }

    struct Properties: Decodable {
        let title: String?
        let subject: String?
        let creator: String?
        let description: String?
        let created: String?
    }

    struct Sheet: Decodable {
        let name: String
        let cells: [String: Cell]
        let freezePanes: String?
        let autoFilter: String?
        let conditionalFormats: [ConditionalFormat]
        let charts: Int
        let orientation: String?
        let printTitleRows: String?
        let fitToPage: Bool?
        let fitWidth: Int?
        let fitHeight: Int?
        let columnWidths: [String: Double]
    }

    struct Cell: Decodable {
        /// openpyxl's data_type: "s", "n", "d", "f", ...
        let type: String
        let string: String?
        let number: Double?
        let date: String?
        let format: String
        let bold: Bool
        let italic: Bool
        let color: String?
        let fill: String?
        let align: String?
        let wrap: Bool
        let bottom: String?
        let size: Double?
    }

    struct ConditionalFormat: Decodable {
        let range: String
        let type: String?
        let op: String?
        let formula: [String]
        let bold: Bool?
    }

    /// Loads the workbook at `path` with openpyxl and returns what it found.
    static func inspect(_ path: String) throws -> Inspection {
        let output = try python(script, arguments: [path])
        return try JSONDecoder().decode(Inspection.self, from: Data(output.utf8))
    }

    /// Runs a Python snippet with arguments and returns its standard output.
    static func python(_ source: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", source] + arguments
        let output = Pipe()
        // Standard error goes to a file so a chatty script cannot block on a full pipe.
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("inspector-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer { try? errorHandle.close() }
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errorURL)) ?? Data()
        guard process.terminationStatus == 0 else {
            throw InspectorFailure(message: "python3 exited \(process.terminationStatus): \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    struct InspectorFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static let script = #"""
import json, sys, zipfile, datetime
import xml.etree.ElementTree as ET
import openpyxl

path = sys.argv[1]
out = {}
with zipfile.ZipFile(path) as z:
    out["zipOK"] = z.testzip() is None
    out["zipDates"] = [list(i.date_time) for i in z.infolist()]
    errors = []
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                ET.fromstring(z.read(name))
            except Exception as e:
                errors.append(name + ": " + str(e))
    out["xmlErrors"] = errors

wb = openpyxl.load_workbook(path)
p = wb.properties
out["properties"] = {
    "title": p.title, "subject": p.subject, "creator": p.creator,
    "description": p.description,
    "created": p.created.isoformat() if p.created else None,
}

def rgb(color):
    if color is None or color.type != "rgb":
        return None
    return color.rgb

sheets = []
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            v = c.value
            info = {
                "type": c.data_type,
                "string": v if isinstance(v, str) else None,
                "number": float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None,
                "date": v.isoformat() if isinstance(v, (datetime.datetime, datetime.date)) else None,
                "format": c.number_format,
                "bold": bool(c.font.b),
                "italic": bool(c.font.i),
                "color": rgb(c.font.color),
                "fill": rgb(c.fill.fgColor) if c.fill.fill_type == "solid" else None,
                "align": c.alignment.horizontal,
                "wrap": bool(c.alignment.wrap_text),
                "bottom": c.border.bottom.style,
                "size": float(c.font.sz) if c.font.sz is not None else None,
            }
            cells[c.coordinate] = info
    cfs = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            cfs.append({
                "range": str(cf.sqref), "type": rule.type, "op": rule.operator,
                "formula": list(rule.formula or []),
                "bold": bool(rule.dxf.font.b) if rule.dxf is not None and rule.dxf.font is not None else None,
            })
    widths = {k: float(d.width) for k, d in ws.column_dimensions.items() if d.width}
    sheets.append({
        "name": ws.title,
        "cells": cells,
        "freezePanes": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "conditionalFormats": cfs,
        "charts": len(ws._charts),
        "orientation": ws.page_setup.orientation,
        "printTitleRows": ws.print_title_rows,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "fitWidth": ws.page_setup.fitToWidth,
        "fitHeight": ws.page_setup.fitToHeight,
        "columnWidths": widths,
    })
out["sheets"] = sheets
print(json.dumps(out))
"""#

    /// The text of one part of the .xlsx package.
    static func part(_ name: String, of path: String) throws -> String {
        try python(
            "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))",
            arguments: [path, name]
        )
    }
}

/// Asserts the inspection found a well-formed package.
func XCTAssertValidPackage(_ inspection: Inspector.Inspection, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(inspection.zipOK, "zip CRC check failed", file: file, line: line)
    XCTAssertEqual(inspection.xmlErrors, [], "XML parts failed to parse", file: file, line: line)
}

extension XCTestCase {
    /// A fresh, empty directory for this test's files, removed when the test ends.
    func scratchDirectory(_ name: String = #function) throws -> String {
        let cleaned = name.filter { $0.isLetter || $0.isNumber }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("WorkbookTests-\(cleaned)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory.path
    }
}
