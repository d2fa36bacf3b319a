import Foundation
import ParserInvariants
import Testing

/// Replays every input the fuzz targets keep (`Fuzz/FailCases/<Target>/`: inputs that once broke a
/// property; `Fuzz/Corpus/<Target>/`: the seed corpus) through the target's check, so that a
/// finding stays fixed without running a fuzzer.
@Suite("Fuzz cases replay without a violation")
struct FailCasesTests {
    /// `Fuzz/` beside `Tests/`.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ParserInvariantsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Fuzz")

    /// One kept input.
    struct Case: Sendable, CustomTestStringConvertible {
        let target: FuzzTarget
        let kind: String
        let name: String
        let path: String
        var testDescription: String { "\(target.rawValue)/\(kind)/\(name)" }
    }

    /// Every file under the two folders of every target, in name order.
    static let cases: [Case] = FuzzTarget.allCases.flatMap { target in
        ["FailCases", "Corpus"].flatMap { kind -> [Case] in
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            // Files only: `FailCases/<Target>/open/` holds known cases that are not fixed yet.
            return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
                let path = folder.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
                return Case(target: target, kind: kind, name: name, path: path)
            }
        }
    }

    @Test func everyTargetHasSeeds() {
        for target in FuzzTarget.allCases {
            #expect(Self.cases.contains { $0.target == target && $0.kind == "Corpus" }, "no corpus for \(target.rawValue)")
        }
    }

    @Test(arguments: cases)
    func replays(_ kept: Case) throws {
        let bytes = try #require(FileManager.default.contents(atPath: kept.path))
        #expect(throws: Never.self) { try kept.target.check([UInt8](bytes)) }
    }
}
