import Foundation
import Testing
@testable import PulseKit

/// A pipeline reads only inside its data folder: a symbolic link (a file or a folder) that leads out
/// of it is refused before anything is read, naming the source and the file.
@Suite struct DataFolderContainmentTests {
    @Test(arguments: ["file", "folder"])
    func aSymbolicLinkOutOfTheDataFolderIsRefused(_ kind: String) throws {
        let fixture = try ReportFixture()
        let outside = fixture.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let crm = fixture.data.appendingPathComponent("crm")
        if kind == "file" {
            try FileManager.default.moveItem(at: crm.appendingPathComponent("accounts.csv"), to: outside.appendingPathComponent("accounts.csv"))
            try FileManager.default.createSymbolicLink(at: crm.appendingPathComponent("accounts.csv"),
                                                       withDestinationURL: outside.appendingPathComponent("accounts.csv"))
        } else {
            try FileManager.default.moveItem(at: crm, to: outside.appendingPathComponent("crm"))
            try FileManager.default.createSymbolicLink(at: crm, withDestinationURL: outside.appendingPathComponent("crm"))
        }
        do {
            try fixture.run()
            Issue.record("the run read outside its data folder")
        } catch let error as RunError {
            let text = "\(error)"
            #expect(text.contains("accounts"), "\(text)")
            #expect(text.contains("crm/accounts.csv"), "\(text)")
            #expect(text.contains("leads out of the data folder"), "\(text)")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out/2026-10").path))
    }

    @Test func aSymbolicLinkInsideTheDataFolderIsRead() throws {
        let fixture = try ReportFixture()
        let crm = fixture.data.appendingPathComponent("crm")
        try FileManager.default.moveItem(at: crm.appendingPathComponent("accounts.csv"), to: crm.appendingPathComponent("accounts-2026-10.csv"))
        try FileManager.default.createSymbolicLink(atPath: crm.appendingPathComponent("accounts.csv").path, withDestinationPath: "accounts-2026-10.csv")
        let month = try fixture.run()
        #expect(FileManager.default.fileExists(atPath: month.appendingPathComponent("accounts.csv").path))
    }
}
