/// PulseKit is Pulse's domain library: it turns customer-success exports into typed records
/// (ingest), reads pipeline files, computes the metrics of docs/metrics.md and publishes the
/// reports. Sample data comes from the PulseSample library.
public enum PulseKit {
    /// The program version written into manifests and reports.
    public static let version = "0.1.0"
}
