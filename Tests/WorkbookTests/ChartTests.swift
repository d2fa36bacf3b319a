import Foundation
import Workbook
import XCTest

final class ChartTests: XCTestCase {
    /// Writes a small table on `sheet`: labels in column A, numbers in B and C, rows 1...3.
    private func fill(_ sheet: Worksheet) {
        sheet.write("Month", row: 0, column: 0)
        sheet.write("Sales", row: 0, column: 1)
        sheet.write("Costs", row: 0, column: 2)
        for (offset, month) in ["Jan", "Feb", "Mar"].enumerated() {
            sheet.write(month, row: offset + 1, column: 0)
            sheet.write(Double(100 * (offset + 1)), row: offset + 1, column: 1)
            sheet.write(Double(40 * (offset + 1)), row: offset + 1, column: 2)
        }
    }

    private func range(_ sheet: String, column: Int) -> CellRange {
        CellRange(sheet: sheet, firstRow: 1, firstColumn: column, lastRow: 3, lastColumn: column)
    }

    func testChartsOfEveryKindWithAwkwardSheetNames() throws {
        let path = try scratchDirectory() + "/charts.xlsx"
        let book = try Workbook(path: path)
        let names = ["Sales 'Q1' data", "2024", "A1", "Plain"]
        let kinds: [ChartKind] = [.line, .column, .stackedColumn, .bar]
        for (name, kind) in zip(names, kinds) {
            let sheet = try book.addWorksheet(name)
            fill(sheet)
            let chart = book.addChart(kind)
            chart.addSeries(name: "Sales", categories: range(name, column: 0), values: range(name, column: 1), color: 0x1F77B4)
            chart.addSeries(name: "=Costs", categories: range(name, column: 0), values: range(name, column: 2), color: 0x000000)
            chart.setTitle("Sales for \(name)")
            chart.setXAxisTitle("Month")
            chart.setYAxisTitle("Amount")
            chart.setYAxisNumberFormat("$#,##0")
            chart.setLegendAtBottom()
            sheet.insertChart(chart, row: 5, column: 1, xScale: 1.5, yScale: 1.2)
        }
        try book.close()

        let result = try Inspector.inspect(path)
        XCTAssertValidPackage(result)
        for name in names {
            XCTAssertEqual(result.sheet(name)?.charts, 1, name)
        }
        let quoted = try Inspector.part("xl/charts/chart1.xml", of: path)
        XCTAssertTrue(quoted.contains("<c:f>'Sales ''Q1'' data'!$A$2:$A$4</c:f>"), quoted)
        XCTAssertTrue(quoted.contains("<c:v>Jan</c:v>"), "values are cached")
        XCTAssertTrue(quoted.contains("\u{200B}=Costs"), "a leading = stays literal text")
        XCTAssertTrue(quoted.contains("<a:srgbClr val=\"1F77B4\"/>"), "line color")
        XCTAssertTrue(quoted.contains("<a:srgbClr val=\"000000\"/>"), "black is not 'unset'")
        XCTAssertFalse(quoted.contains("w=\"0\""), "no zero-width lines")
        let year = try Inspector.part("xl/charts/chart2.xml", of: path)
        XCTAssertTrue(year.contains("<c:f>'2024'!$B$2:$B$4</c:f>"), year)
        XCTAssertTrue(year.contains("<c:v>200</c:v>"), "values are cached for explicitly quoted names")
        let cellLike = try Inspector.part("xl/charts/chart3.xml", of: path)
        XCTAssertTrue(cellLike.contains("<c:f>'A1'!$A$2:$A$4</c:f>"), cellLike)
        XCTAssertTrue(cellLike.contains("<c:grouping val=\"stacked\"/>"))
        let bar = try Inspector.part("xl/charts/chart4.xml", of: path)
        XCTAssertTrue(bar.contains("<c:barDir val=\"bar\"/>"))
        let valueAxis = try XCTUnwrap(bar.range(of: "<c:valAx>").map { String(bar[$0.lowerBound...]) })
        XCTAssertTrue(valueAxis.contains("formatCode=\"$#,##0\""), "the Y axis of a bar chart is its value axis")
        XCTAssertTrue(valueAxis.contains("<a:t>Amount</a:t>"))
        XCTAssertTrue(bar.contains("<c:legendPos val=\"b\"/>"))
    }

    func testChartProblemsAreReported() throws {
        let path = try scratchDirectory() + "/chart-problems.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addWorksheet("Data")
        fill(sheet)
        let empty = book.addChart(.line)
        sheet.insertChart(empty, row: 5, column: 0)
        let dangling = book.addChart(.column)
        dangling.addSeries(name: "Ghost", categories: range("Nope", column: 0), values: range("Nope", column: 1))
        sheet.insertChart(dangling, row: 20, column: 0)
        sheet.insertChart(dangling, row: 40, column: 0)
        let other = try Workbook(path: path + ".other.xlsx")
        let foreign = other.addChart(.bar)
        foreign.addSeries(name: "F", categories: range("Data", column: 0), values: range("Data", column: 1))
        sheet.insertChart(foreign, row: 60, column: 0)
        XCTAssertThrowsError(try book.close()) { error in
            let message = (error as? WorkbookError)?.message ?? ""
            XCTAssertTrue(message.contains("4 problems"), message)
            XCTAssertTrue(message.contains("sheet 'Data', cell A41 (row 40, column 0): cannot insert a chart: the chart is already placed"), message)
            XCTAssertTrue(message.contains("the chart belongs to another workbook"), message)
            XCTAssertTrue(message.contains("the chart has no series"), message)
            XCTAssertTrue(message.contains("chart series 'Ghost' refers to sheet 'Nope', which does not exist"), message)
        }
    }
}
