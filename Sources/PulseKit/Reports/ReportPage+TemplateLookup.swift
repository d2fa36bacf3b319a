import Mustache

// How the templates read the table views: by name, without reflection. Every table cell is
// looked up several times per page (hundreds of thousands of lookups for 500 QBRs), and Mirror
// walks the fields for each; an absent optional answers `false`, so a section such as
// `{{#metric}}` stops at the cell instead of searching the enclosing row, table and page.

extension ReportPage.Table: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "caption": caption
        case "headers": headers
        case "rows": rows
        case "note": note.map { $0 as Any } ?? false
        default: nil
        }
    }
}

extension ReportPage.Header: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "numeric": numeric
        default: nil
        }
    }
}

extension ReportPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        name == "cells" ? cells : nil
    }
}

extension ReportPage.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "numeric": numeric
        case "isHeader": isHeader
        case "code": code
        case "flag": flag
        case "metric": metric.map { $0 as Any } ?? false
        case "scope": scope ?? ""
        case "raw": raw ?? ""
        default: nil
        }
    }
}
