import Foundation
import Logging
import Tabular

/// A swift-log handler that writes one JSON object per line to standard error, for schedulers
/// that collect logs (`--log-format json`): `time`, `level`, `label`, `message` and the metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [:]
        for (key, value) in metadata { object[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { object[key] = "\(value)" }
        object["time"] = ISO8601DateFormatter().string(from: Date())
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = "\(event.message)"
        let fixed = ["time", "level", "label", "message"]
        let keys = fixed + object.keys.filter { !fixed.contains($0) }.sorted()
        let members = keys.map { key in JSONWriter.quoted(key) + ":" + JSONWriter.quoted(object[key]!) }
        FileHandle.standardError.write(Data(("{" + members.joined(separator: ",") + "}\n").utf8))
    }
}
