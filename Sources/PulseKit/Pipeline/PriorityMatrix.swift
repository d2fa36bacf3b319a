/// The urgency × impact matrix that gives a ticket its priority when the priority field is null
/// (docs/metrics.md §3.6). In a file: `priority_matrix: { high: { high: P1, medium: P2, low: P3 }, ... }`,
/// rows by urgency, columns by impact; cells not given keep their default.
package struct PriorityMatrix: Sendable, Equatable {
    /// An urgency or impact level.
    package enum Level: String, Sendable, Equatable, Hashable, CaseIterable {
        /// `high`.
        case high
        /// `medium`.
        case medium
        /// `low`.
        case low
    }

    /// The priority of each urgency (outer key) and impact (inner key); always complete.
    package var cells: [Level: [Level: SupportPriority]]

    /// Creates a matrix from its cells.
    package init(cells: [Level: [Level: SupportPriority]]) {
        self.cells = cells
    }

    /// The priority of a ticket with this urgency and impact.
    package func priority(urgency: Level, impact: Level) -> SupportPriority {
        cells[urgency]?[impact] ?? Self.default.cells[urgency]![impact]!
    }

    /// The default matrix: high/high P1, high/medium P2, high/low P3, medium/high P2, medium/medium P3,
    /// medium/low P4, low/high P3, low/medium P4, low/low P4.
    package static let `default` = PriorityMatrix(cells: [
        .high: [.high: .p1, .medium: .p2, .low: .p3],
        .medium: [.high: .p2, .medium: .p3, .low: .p4],
        .low: [.high: .p3, .medium: .p4, .low: .p4],
    ])
}

extension PriorityMatrix {
    /// Reads the `priority_matrix` section over the defaults.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let levels = Level.allCases.map(\.rawValue)
        var matrix = PriorityMatrix.default
        for row in try value.mapping(keys: levels).entries {
            let urgency = Level(rawValue: row.key)!
            for cell in try row.value.mapping(keys: levels).entries {
                let impact = Level(rawValue: cell.key)!
                matrix.cells[urgency, default: [:]][impact] = try cell.value.choice(SupportPriority.self)
            }
        }
        self = matrix
    }
}
