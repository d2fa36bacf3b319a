import Dispatch
import Foundation
import Synchronization
import Workbook
import XCTest

final class ConcurrencyTests: XCTestCase {
    func testEightWorkbooksAtOnce() throws {
        let directory = try scratchDirectory()
        let failures = Mutex<[String]>([])
        // Different timestamps exercise the gate around libxlsxwriter's gmtime() use.
        for round in 0..<3 {
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                do {
                    try WorkbookLifecycleTests.buildSample(
                        at: "\(directory)/parallel-\(round)-\(index).xlsx",
                        created: 1_700_000_000 + Int64(index) * 86_400,
                        label: "Sheet \(index)"
                    )
                } catch {
                    failures.withLock { $0.append("workbook \(index): \(error)") }
                }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, [])

        for index in 0..<8 {
            // The same workbook written alone must match, byte for byte.
            let alone = "\(directory)/alone-\(index).xlsx"
            try WorkbookLifecycleTests.buildSample(at: alone, created: 1_700_000_000 + Int64(index) * 86_400, label: "Sheet \(index)")
            let expected = try Data(contentsOf: URL(fileURLWithPath: alone))
            for round in 0..<3 {
                let path = "\(directory)/parallel-\(round)-\(index).xlsx"
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), expected, path)
            }
            let result = try Inspector.inspect("\(directory)/parallel-0-\(index).xlsx")
            XCTAssertValidPackage(result)
            XCTAssertEqual(result.sheet("Sheet \(index)")?.cells["A201"]?.string, "Item 200 商品")
            XCTAssertEqual(result.sheet("Sheet \(index)")?.charts, 1)
        }
    }
}
