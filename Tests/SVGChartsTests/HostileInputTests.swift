import XCTest
@testable import SVGCharts

/// Untrusted labels, names, titles, ids and even formatter output must never inject markup.
final class HostileInputTests: XCTestCase {
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "' onload='alert(1)",
        "]]><!-- &amp; &nbsp; &#0; -->",
        "ctrl\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F}\u{85}\u{FFFE}\u{FFFF}end",
        "tab\tnewline\ncr\r",
        String(repeating: "A", count: 40_000),
        "abc\u{202E}gnp.exe",
        "<svg onload=alert(1)><foreignObject><iframe src=\"javascript:alert(1)\"/></foreignObject>",
        "url(https://evil.example/x.png) xlink:href=\"https://evil\"",
        "日本語のとても長い顧客名株式会社サンプルホールディングス",
        "",
    ]

    func charts(_ text: String) -> [String] {
        let hostileFormat: @Sendable (Double) -> String = { _ in text }
        let frame = ChartFrame(id: text, title: text, description: text)
        let blankFrame = ChartFrame(id: text, title: text)
        let series = [ChartSeries(name: text, values: [1, nil, 3]), ChartSeries(name: text + "2", values: [-1, 2, nil])]
        let categories = [text, "b", text]
        return [
            LineChart(frame: frame, categories: categories, lines: series, bars: series[0], format: TestFormat.plain,
                      referenceLine: (text, 2)).svg(),
            LineChart(frame: blankFrame, categories: categories, lines: series, bars: series[1], format: hostileFormat,
                      barFormat: hostileFormat, referenceLine: (text, 2)).svg(),
            StackedBarChart(frame: blankFrame, categories: categories, series: series, format: hostileFormat).svg(),
            WaterfallChart(frame: blankFrame, steps: [WaterfallStep(label: text, value: 10, kind: .total),
                                                      WaterfallStep(label: text, value: -3, kind: .change),
                                                      WaterfallStep(label: text, value: .nan, kind: .change)],
                           format: hostileFormat).svg(),
            BarChart(frame: blankFrame, labels: categories, values: [1, nil, -2], format: hostileFormat).svg(),
            BarChart(frame: frame, labels: [text], values: [5], format: TestFormat.plain, maximum: 10).svg(),
        ]
    }

    func testHostileTextNeverBecomesMarkup() {
        for text in Self.hostile {
            for svg in charts(text) {
                let parsed = SVGTestSupport.assertValid(svg)
                XCTAssertNotNil(parsed)
                XCTAssertFalse(svg.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }, "bidi override stripped")
            }
        }
    }

    func testMarkupIsEscapedNotDropped() throws {
        let svg = charts("<script>alert(1)</script>")[0]
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        XCTAssertEqual(parsed.all("title").first?.text, "<script>alert(1)</script>")
        let quote = charts("\"><img src=x onerror=alert(1)>")[0]
        XCTAssertTrue(quote.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        XCTAssertTrue(charts("' onload='x")[0].contains("&#39; onload=&#39;x"))
    }

    func testIdIsSanitized() throws {
        let svg = LineChart(frame: ChartFrame(id: "q\"><script>1 2_3-4", title: "T"), categories: ["a"],
                            lines: [ChartSeries(name: "S", values: [1])], format: TestFormat.plain).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        XCTAssertEqual(parsed.root.attributes["aria-labelledby"], "qscript12_3-4-title qscript12_3-4-desc")
        let empty = try XCTUnwrap(SVGTestSupport.assertValid(LineChart(frame: ChartFrame(id: "<>", title: "T"), categories: [],
                                                                       lines: [], format: TestFormat.plain).svg()))
        XCTAssertEqual(empty.root.attributes["aria-labelledby"], "chart-title chart-desc")
    }

    func testControlCharactersAreStripped() throws {
        let name = "A\u{0}B\u{1F}C\u{FFFE}D\u{FFFF}E\u{202E}F\tG"
        let svg = StackedBarChart(frame: ChartFrame(id: "c", title: name), categories: ["x"],
                                  series: [ChartSeries(name: name, values: [1])], format: TestFormat.plain).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        XCTAssertEqual(parsed.all("title").first?.text, "ABCDEF G")
        XCTAssertTrue(parsed.withClass("legend-label").contains { $0.text == "ABCDEF G" })
    }

    func testLongLabelsAreTruncatedWithFullTextInTitle() throws {
        let long = "Enterprise customer with an extremely long and descriptive name, Inc."
        let svg = BarChart(frame: ChartFrame(id: "b", title: "B"), labels: [long, "Short"], values: [1, 2],
                           format: TestFormat.plain).svg()
        let parsed = try XCTUnwrap(SVGTestSupport.assertValid(svg))
        let label = try XCTUnwrap(parsed.withClass("category").first)
        XCTAssertTrue(label.text.hasSuffix("\u{2026}"), label.text)
        XCTAssertLessThan(label.text.count, long.count)
        let group = try XCTUnwrap(label.parent.map { parsed.nodes[$0] })
        XCTAssertEqual(group.name, "g")
        XCTAssertEqual(group.children.first.map { parsed.nodes[$0] }?.name, "title")
        XCTAssertEqual(group.children.first.map { parsed.nodes[$0].text }, long)
        XCTAssertEqual(parsed.withClass("category").last?.text, "Short")
    }

    func testFortyThousandCharacterLabelStaysBounded() throws {
        let huge = String(repeating: "W", count: 40_000)
        let svg = LineChart(frame: ChartFrame(id: "h", title: huge), categories: [huge, "b"],
                            lines: [ChartSeries(name: huge, values: [1, 2])], format: TestFormat.plain).svg()
        SVGTestSupport.assertValid(svg)
        XCTAssertLessThan(svg.utf8.count, 40_000, "untrusted text is capped")
        let legend = try XCTUnwrap(SVGTestSupport.parse(svg)?.withClass("legend-label").first)
        XCTAssertTrue(legend.text.hasSuffix("\u{2026}"))
    }
}
