import Foundation
import PulseKit

/// The properties of the pipeline-file reader (``PipelineConfiguration/parse(yaml:file:directory:dataOverride:)``),
/// checked on any bytes taken as a pipeline file (bytes that are not UTF-8 are refused before
/// parsing, as ``PipelineConfiguration/load(from:dataOverride:)`` does).
///
/// - Reading is deterministic: the same configuration, or the same error (except which of
///   several duplicated keys is reported; see `Fuzz/FailCases/FuzzPipelineFile/open/`).
/// - An error names the whole file (line and column 0) or a place in it: a line from 1 to the
///   number of lines + 1, and a column from 1 to the length of that line + 1 (in Unicode
///   scalars; every YAML line break counts).
/// - A rule read from the file (tier rules, alerts, the QBR selection) starts at such a place.
public enum PipelineFileInvariants {
    static let parser = "Pipeline file"

    /// The folder the file is taken to be in (never read).
    static let directory = URL(fileURLWithPath: "/nonexistent/pulse-fuzz/pipelines")

    /// Checks every pipeline-file property on `bytes`; throws the first one that fails.
    public static func check(_ bytes: [UInt8]) throws(InvariantViolation) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let first = parse(text)
        let second = parse(text)
        // Known and open (Fuzz/FailCases/FuzzPipelineFile/open/): when a mapping repeats a list or
        // mapping key as well as another key, Yams orders the duplicates with a partial order and
        // reports one at random, so two duplicate-key errors are not compared.
        if case .failure(let a) = first, case .failure(let b) = second,
           a.message.hasPrefix("duplicate key"), b.message.hasPrefix("duplicate key") {
        } else {
            try require(first == second, parser, "reading is deterministic",
                        "\(describe(first)) then \(describe(second)) for \(show(bytes))")
        }
        let lines = lineLengths(text)
        switch first {
        case .failure(let error):
            try requireInside(error.line, error.column, lines, "error \(error)", bytes)
        case .success(let configuration):
            var rules = configuration.tiers.map(\.when) + configuration.alerts.map(\.when)
            rules.append(configuration.reports.qbr.accounts)
            for rule in rules where !rule.isBuiltIn {
                try requireInside(rule.line, rule.column, lines, "rule \(show(rule.text))", bytes)
            }
        }
    }

    static func parse(_ text: String) -> Result<PipelineConfiguration, PipelineFileError> {
        do throws(PipelineFileError) {
            return .success(try PipelineConfiguration.parse(yaml: text, file: "pipelines/fuzz.yml", directory: directory))
        } catch {
            return .failure(error)
        }
    }

    static func describe(_ result: Result<PipelineConfiguration, PipelineFileError>) -> String {
        switch result {
        case .success(let configuration): "a configuration named \(configuration.name)"
        case .failure(let error): "\(error)"
        }
    }

    /// The length in Unicode scalars of each line, with every YAML line break (LF, CR LF, CR,
    /// U+0085, U+2028, U+2029) ending one; a byte-order mark takes no column.
    static func lineLengths(_ text: String) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                lengths.append(current)
                current = 0
            case 0xFEFF where lengths.isEmpty && current == 0:
                break
            default:
                current += 1
            }
        }
        lengths.append(current)
        return lengths
    }

    /// A position is the whole file (0, 0) or a line and column of the text (or just past its end).
    static func requireInside(_ line: Int, _ column: Int, _ lines: [Int], _ what: String, _ bytes: [UInt8]) throws(InvariantViolation) {
        if line == 0 && column == 0 { return }
        let lineInside = line >= 1 && line <= lines.count + 1
        try require(lineInside, parser, "a position names a line of the file",
                    "\(what) at line \(line), column \(column); the file has \(lines.count) lines: \(show(bytes))")
        let length = line <= lines.count ? lines[line - 1] : 0
        try require(column >= 1 && column <= length + 1, parser, "a position names a column of its line",
                    "\(what) at line \(line), column \(column); that line has \(length) characters: \(show(bytes))")
    }
}
