/// PulseKit is Pulse's domain library: it turns customer-success exports into typed records
/// (ingest), reads pipeline files, and generates sample data.
public enum PulseKit {
    /// The program version written into manifests and reports.
    public static let version = "0.1.0"
}
