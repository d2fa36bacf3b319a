import Tabular

/// The health-score model (`health:`, docs/metrics.md §7): weighted components that each map a raw value
/// to 0–100 points, and the thresholds of the green and yellow bands.
package struct HealthModel: Sendable, Equatable {
    /// The score thresholds of the bands, compared with the unrounded score: `green` at or above
    /// `green`, `yellow` at or above `yellow`, `red` below.
    package struct BandThresholds: Sendable, Equatable {
        /// The lowest green score. Default 80.
        package var green: Double
        /// The lowest yellow score (below `green`). Default 50.
        package var yellow: Double

        /// Creates band thresholds.
        package init(green: Double, yellow: Double) {
            self.green = green
            self.yellow = yellow
        }

        /// The defaults: green ≥ 80, yellow ≥ 50.
        package static let `default` = BandThresholds(green: 80, yellow: 50)
    }

    /// The band thresholds.
    package var bands: BandThresholds
    /// The components, in file order; names are unique.
    package var components: [HealthComponent]

    /// Creates a health model.
    package init(bands: BandThresholds, components: [HealthComponent]) {
        self.bands = bands
        self.components = components
    }

    /// The default model of docs/metrics.md §7.
    package static let `default` = HealthModel(
        bands: .default,
        components: [
            HealthComponent(name: .licenseUtilization, weight: 25, mapping: .linear(low: 0.2, high: 0.8)),
            HealthComponent(name: .featureBreadth, weight: 20, mapping: .linear(low: 0.0, high: 0.6)),
            HealthComponent(name: .usageTrend, weight: 10, mapping: .linear(low: -0.5, high: 0.0)),
            HealthComponent(name: .support, weight: 15, mapping: .bands([
                .init(from: 0, points: 100), .init(from: 1, points: 60), .init(from: 3, points: 0),
            ])),
            HealthComponent(name: .nps, weight: 20, mapping: .linear(low: -50, high: 50)),
            HealthComponent(name: .csat, weight: 10, mapping: .linear(low: 0.6, high: 1.0)),
        ])
}

/// The raw values a health component can score.
package enum HealthComponentName: String, Sendable, Equatable, Hashable, CaseIterable {
    /// License utilization in M (mau / seats).
    case licenseUtilization = "license_utilization"
    /// Feature breadth in M (share of key features used).
    case featureBreadth = "feature_breadth"
    /// Usage trend: mau_change.
    case usageTrend = "usage_trend"
    /// Support: tickets in the 90 days before as-of with a breached SLA (sla_breaches_90d).
    case support
    /// Account NPS.
    case nps
    /// Account CSAT over 90 days.
    case csat

    /// The name written in pipeline files and reports.
    package var name: String { rawValue }
}

/// One component of the health model: which raw value, its weight, and how it maps to points.
package struct HealthComponent: Sendable, Equatable {
    /// The raw value scored.
    package var name: HealthComponentName
    /// The component's weight (positive); weights are relative, they need not add up to 100.
    package var weight: Double
    /// How the raw value maps to 0–100 points.
    package var mapping: HealthComponentMapping

    /// Creates a component.
    package init(name: HealthComponentName, weight: Double, mapping: HealthComponentMapping) {
        self.name = name
        self.weight = weight
        self.mapping = mapping
    }
}

/// How a health component maps its raw value to 0–100 points.
package enum HealthComponentMapping: Sendable, Equatable {
    /// 0 at or below `low`, 100 at or above `high`, straight in between; `low > high` inverts it.
    /// `low != high`.
    case linear(low: Double, high: Double)
    /// Points per range: each band applies from its `from` up to the next band's `from`; `from`
    /// values strictly increase. A raw value below the first `from` scores the first band's points.
    case bands([HealthPointBand])
}

/// One range of a banded health component: from this raw value on, this many points.
package struct HealthPointBand: Sendable, Equatable {
    /// The lowest raw value of the range.
    package var from: Double
    /// The points (0–100) of the range.
    package var points: Double

    /// Creates a band.
    package init(from: Double, points: Double) {
        self.from = from
        self.points = points
    }
}

extension HealthModel {
    /// Reads the `health` section over the defaults: `bands` keys default one by one,
    /// `components`, when given, replaces the default list.
    init(reading value: PipelineValue) throws(PipelineFileError) {
        let mapping = try value.mapping(keys: ["bands", "components"])
        var model = HealthModel.default
        if let bandsValue = mapping["bands"] {
            let bands = try bandsValue.mapping(keys: ["green", "yellow"])
            for entry in bands.entries {
                let number = try entry.value.number()
                guard (0...100).contains(number) else {
                    throw entry.value.error("expected a score between 0 and 100 for '\(entry.key)', got \(entry.value.got)")
                }
                if entry.key == "green" { model.bands.green = number } else { model.bands.yellow = number }
            }
            guard model.bands.green > model.bands.yellow else {
                throw bandsValue.error(
                    "the green threshold must be above the yellow one in 'health.bands', got green \(Self.format(model.bands.green)) and yellow \(Self.format(model.bands.yellow))")
            }
        }
        if let componentsValue = mapping["components"] {
            let items = try componentsValue.list()
            guard !items.isEmpty else { throw componentsValue.error("expected at least one component in 'health.components'") }
            var components: [HealthComponent] = []
            for item in items {
                let component = try HealthComponent(reading: item)
                if components.contains(where: { $0.name == component.name }) {
                    throw item.error("component '\(component.name.rawValue)' is given twice in 'health.components'")
                }
                components.append(component)
            }
            model.components = components
        }
        self = model
    }

    /// A number without a needless `.0`.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension HealthComponent {
    /// Reads one item of `health.components`.
    init(reading item: PipelineValue) throws(PipelineFileError) {
        let mapping = try item.mapping(keys: ["name", "weight", "linear", "bands"])
        let nameValue = try mapping.required("name")
        let name = try nameValue.choice(HealthComponentName.self)
        let weightValue = try mapping.required("weight")
        let weight = try weightValue.number()
        guard weight > 0 else {
            throw weightValue.error("expected a weight above 0 for component '\(name.rawValue)', got \(weightValue.got)")
        }
        let componentMapping: HealthComponentMapping
        switch (mapping["linear"], mapping["bands"]) {
        case (nil, nil):
            throw item.error("component '\(name.rawValue)' needs either 'linear: [low, high]' or 'bands: [[from, points], ...]'")
        case (.some, .some):
            throw mapping.entries.first(where: { $0.key == "bands" })!.keyValue.error(
                "component '\(name.rawValue)' has both 'linear' and 'bands'; give only one")
        case let (.some(linear), nil):
            let ends = try linear.list()
            guard ends.count == 2 else { throw linear.expected("a list of two numbers [low, high]") }
            let low = try ends[0].number(), high = try ends[1].number()
            guard low != high else {
                throw linear.error("the two ends of 'linear' must differ, got [\(HealthModel.format(low)), \(HealthModel.format(high))]")
            }
            componentMapping = .linear(low: low, high: high)
        case let (nil, .some(bandsValue)):
            let items = try bandsValue.list()
            guard !items.isEmpty else { throw bandsValue.expected("a list of [from, points] pairs") }
            var bands: [HealthPointBand] = []
            for band in items {
                let pair = try band.list()
                guard pair.count == 2 else { throw band.expected("a pair [from, points]") }
                let from = try pair[0].number(), points = try pair[1].number()
                if let previous = bands.last, from <= previous.from {
                    throw pair[0].error(
                        "the 'from' values of 'bands' must increase, got \(HealthModel.format(from)) after \(HealthModel.format(previous.from))")
                }
                guard (0...100).contains(points) else {
                    throw pair[1].error("expected points between 0 and 100 in 'bands', got \(pair[1].got)")
                }
                bands.append(HealthPointBand(from: from, points: points))
            }
            componentMapping = .bands(bands)
        }
        self.init(name: name, weight: weight, mapping: componentMapping)
    }
}
