import Tabular

/// The transform stage: every metric family, at most `jobs` at once.
enum TransformStage {
    /// The figures of `families` over `input`, in family order whatever order they finish in.
    static func run(_ families: [any MetricFamily], input: TransformInput, jobs: Int) -> KPITable {
        var tables = [KPITable](repeating: KPITable(), count: families.count)
        tables.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            ParallelLoop.run(families.count, jobs: jobs) { k in
                out.value[k] = families[k].compute(input)
            }
        }
        var table = KPITable()
        for part in tables { table.append(contentsOf: part) }
        return table
    }
}
