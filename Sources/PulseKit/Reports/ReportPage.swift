import Mustache

/// What the HTML reports share: the Mustache templates (which escape every value by default, so
/// customer text never becomes markup), the page shell with its restrictive Content-Security-Policy,
/// the inline CSS for screen and A4 print, and the table view every section is drawn with.
enum ReportPage {
    /// A table as the templates draw it.
    struct Table: Sendable {
        var id: String
        var caption: String
        var headers: [Header]
        var rows: [Row]
        var note: String? = nil

        /// A table whose header cells are right-aligned above columns of numbers.
        init(id: String, caption: String, headers: [String], rows: [Row], note: String? = nil) {
            self.id = id
            self.caption = caption
            self.headers = headers.enumerated().map { k, text in
                Header(text: text, numeric: rows.contains { k < $0.cells.count && $0.cells[k].numeric })
            }
            self.rows = rows
            self.note = note
        }
    }

    /// A column's header: right-aligned, like its cells, when the column holds numbers.
    struct Header: Sendable {
        var text: String
        var numeric: Bool
    }

    /// One row of a ``Table``.
    struct Row: Sendable {
        var cells: [Cell]
    }

    /// One cell: display text, right-aligned when numeric; a figure of `kpis.csv` carries its metric,
    /// scope and written value as data attributes, so a reader (and the tests) can check it.
    struct Cell: Sendable {
        var text: String
        var numeric = false
        var metric: String? = nil
        var scope: String? = nil
        var raw: String? = nil
        var flag = false
        var isHeader = false
        /// A short identifier from the pipeline (a rule id, a status, an owner), never broken across lines.
        var code = false

        /// A text cell.
        static func text(_ text: String?) -> Cell { Cell(text: text ?? "") }
        /// A number cell showing `text`.
        static func number(_ text: String) -> Cell { Cell(text: text, numeric: true) }
        /// A short identifier of the pipeline's or of Pulse's own (rule id, status, owner).
        static func code(_ text: String) -> Cell { Cell(text: text, code: true) }
    }

    /// A chart with the numbers behind it.
    struct Chart: Sendable {
        var svg: String
        var table: Table
    }

    /// The templates of a page: the shared table partial, and the shell followed by `body` as `page`.
    static func library(body: String) -> MustacheLibrary {
        do {
            var library = MustacheLibrary()
            try library.register(tablePartial, named: "table")
            try library.register(shell + body, named: "page")
            return library
        } catch {
            preconditionFailure("report template: \(error)")
        }
    }

    /// `view` rendered through `library`'s page, as bytes (see ``bytes(_:)``).
    static func render(_ view: Any, with library: MustacheLibrary) -> [UInt8] {
        bytes(library.render(view, withTemplate: "page") ?? "")
    }

    /// The rendered page as bytes, with any character XML forbids (C0 controls but tab, line feed and
    /// carriage return; U+FFFE, U+FFFF) replaced by U+FFFD, so customer text can never make a page
    /// ill-formed. The templates' own markup holds none of them.
    static func bytes(_ html: String) -> [UInt8] {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(html.utf8.count)
        for scalar in html.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return Array(String(out).utf8)
    }

    /// The page shell around `body`: `<!DOCTYPE html>`, `lang`, charset, CSP (no network, no script),
    /// the title, inline CSS.
    static let shell = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Pulse {{version}}" />
        <title>{{title}}</title>
        <style>{{{css}}}</style>
        </head>
        """

    /// A table with a caption, repeated header row on each printed page, numeric cells right-aligned.
    static let tablePartial = """
        <table id="{{id}}"><caption>{{caption}}</caption>
        <thead><tr>{{#headers}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/headers}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}{{#isHeader}}<th scope="row">{{text}}</th>{{/isHeader}}{{^isHeader}}<td{{#numeric}} class="num"{{/numeric}}{{#code}} class="code"{{/code}}{{#metric}} data-metric="{{metric}}" data-scope="{{scope}}" data-value="{{raw}}"{{/metric}}>{{text}}{{#flag}}<span class="flag" title="n &lt; 30">*</span>{{/flag}}</td>{{/isHeader}}{{/cells}}</tr>
        {{/rows}}</tbody></table>
        {{#note}}<p class="note">{{note}}</p>{{/note}}
        """

    /// The inline CSS: system and Japanese font stacks, tabular numbers, A4 print rules.
    static let css = """
        :root{color-scheme:light}
        body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI","Yu Gothic",Meiryo,"Noto Sans CJK JP","Noto Sans JP",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1b1f24;line-height:1.45}
        h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:28px 0 8px;border-bottom:2px solid #d0d7de;padding-bottom:4px}h3{font-size:1rem;margin:0 0 4px}
        .sub{color:#57606a;margin:0 0 16px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
        .tile{border:1px solid #d0d7de;border-radius:8px;padding:10px 12px;break-inside:avoid}
        .tile .value{font-size:1.5rem;font-weight:600;margin:2px 0;font-variant-numeric:tabular-nums}
        .tile .meta{font-size:.8rem;color:#57606a;margin:0;font-variant-numeric:tabular-nums}
        .tile ul{list-style:none;padding:0;margin:4px 0;font-variant-numeric:tabular-nums}
        .better{color:#1a7f37}.worse{color:#cf222e}
        .alert{border:2px solid #cf222e;border-radius:8px;background:#fff5f5;color:#82071e;padding:8px 12px;margin:8px 0}.alert ul{margin:4px 0 0}
        table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:.85rem;break-inside:avoid}
        caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border-bottom:1px solid #d8dee4;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        thead th{background:#f6f8fa}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        th.num{text-align:right}
        td.code{white-space:nowrap}
        .flag{color:#9a6700;font-weight:700;margin-left:2px}
        .note{font-size:.8rem;color:#57606a;margin:2px 0 8px}
        figure{margin:12px 0 20px;break-inside:avoid}figcaption{font-weight:600;margin-bottom:4px}
        svg.chart{width:100%;max-width:720px;height:auto;display:block}
        svg .axis,svg .label{font-size:11px;fill:#57606a}svg .grid{stroke:#eaeef2}
        footer{margin-top:32px;font-size:.75rem;color:#57606a;border-top:1px solid #d0d7de;padding-top:8px}
        footer code{font-size:.72rem;word-break:break-all}
        @page{size:A4;margin:12mm}
        @media print{body{margin:0;max-width:none;font-size:10pt}thead{display:table-header-group}tr,figure,.tile,table{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
        """
}
