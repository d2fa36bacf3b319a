/// Tabular reads the files that other systems export: it detects and decodes their text
/// encoding, scans CSV and JSON on bytes, and parses the value grammars of the exports
/// (numbers, dates, datetimes, booleans). It knows nothing of customer success.
public enum Tabular {}
