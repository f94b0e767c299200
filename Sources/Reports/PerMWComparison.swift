import Foundation
import Planner
import PlantModel
import PlantPhysics

/// Each profile's figures on one workload, per GPU, per rack and per facility MW, with its capex and cost per
/// token, beside the same figures of a Hopper reference profile (`tokenplant profiles --per-mw`).
///
/// The frame: throughput is the catalog's figure (its MLPerf round, scenario and precision); facility power is
/// the rack at full load in the stated design on its site, at that design's PUE for the profile (``RackCoefficients``);
/// cost per token charges the design's capital recovery on the all-in capex, energy at the site's price for the
/// rack's draw at `utilization` times that PUE, and facility opex per design MW.
public struct PerMWComparison: Sendable, Equatable, Encodable {
    /// One profile's figures and their ratios to the reference.
    public struct Row: Sendable, Equatable, Encodable {
        public var profile: String
        public var generation: String
        public var gpusPerRack: Int
        public var tokensPerSecondPerGPU: Double
        public var tokensPerSecondPerRack: Double
        /// Facility power ÷ IT power for one rack of this profile at the design condition.
        public var designPUE: Double
        /// Facility power of one rack at full load, kW (IT, network, fabric share, cooling, power-chain losses).
        public var facilityKWPerRack: Double
        public var tokensPerSecondPerFacilityMW: Double
        /// The rack's capex per GPU in the design: its all-in capex and, on a priced site fabric, its ports' (README "Fabric capex").
        public var capexUSDPerGPU: Double
        public var costPerMillionTokensUSD: Double
        /// This profile's figure ÷ the reference's (for cost, the reference's ÷ this one: how many times cheaper).
        public var ratioPerGPU: Double, ratioPerRack: Double, ratioPerFacilityMW: Double
        public var ratioCapexPerGPU: Double, ratioCheaperPerToken: Double
        /// The throughput's frame: MLPerf round and result ID, or `estimate`.
        public var round: String
        public var scenario: String
        public var precision: String
        public var evidence: String
    }

    public var workload: String
    /// The profile every ratio is taken against: the first Hopper profile that serves the workload.
    public var reference: String
    public var design: String
    public var site: String
    /// Share of peak throughput the cost per token is charged at.
    public var utilization: Double
    public var rows: [Row]

    /// Why no comparison can be made.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownWorkload(String, known: [String])
        case noHopperReference(String)

        public var description: String {
            switch self {
            case .unknownWorkload(let w, let known): "unknown workload '\(w)' (known: \(known.joined(separator: ", ")))"
            case .noHopperReference(let w): "no Hopper profile serves '\(w)', so there is no reference for the ratios"
            }
        }
    }

    public init(catalog: Catalog, workload: String, design: ReferenceDesign, site: Site, utilization: Double) throws(Problem) {
        guard catalog.workload(workload) != nil else { throw .unknownWorkload(workload, known: catalog.workloads.map(\.id)) }
        let condition = DesignCondition(design: design, site: site)
        let hoursPerYear = TimeBase.quartersPerYear * TimeBase.hoursPerQuarter
        struct Figures {
            var profile: RackProfile, t: Throughput, perRack: Double, pue: Double, facilityKW: Double, cost: Double
            /// The rack's capex per GPU in the design: its own and, on a priced site fabric, its ports'.
            var capexPerGPU: Double
        }
        let figures: [Figures] = catalog.profiles.compactMap { p in
            guard let t = p.throughput.first(where: { $0.workload == workload }) else { return nil }
            let c = RackCoefficients(profile: p, design: design, condition: condition)
            let perRack = t.tokensPerSecondPerGPU * Double(p.gpusPerRack)
            let pue = c.facilityMW / c.itMW
            // Draw at `utilization` as the planner's cost figures count it (the twin's rack power; network, fabric and house loads
            // at full power; cooling with the heat).
            let energyUSD = c.averageFacilityMW(profile: p, utilization: utilization, powerChain: design.powerChain) * hoursPerYear
                * site.energyPriceUSDPerMWh
            // The rack and, on a priced site fabric, its ports (README "Fabric capex").
            let yearlyUSD = (c.capexUSD + c.fabricCapexUSD) * design.economics.capitalRecoveryFactor + energyUSD
                + c.facilityMW * design.economics.facilityOpexUSDPerMWYear
            let millionTokens = perRack * utilization * hoursPerYear * TimeBase.secondsPerHour / 1e6
            return Figures(profile: p, t: t, perRack: perRack, pue: pue, facilityKW: c.facilityMW * 1000, cost: yearlyUSD / millionTokens,
                           capexPerGPU: p.gpusPerRack > 0 ? (c.capexUSD + c.fabricCapexUSD) / Double(p.gpusPerRack) : 0)
        }
        guard let ref = figures.first(where: { $0.profile.generation == "Hopper" }) else { throw .noHopperReference(workload) }
        func perMW(_ f: Figures) -> Double { f.perRack / (f.facilityKW / 1000) }
        self.workload = workload
        self.reference = ref.profile.id
        self.design = design.name
        self.site = site.name
        self.utilization = utilization
        self.rows = figures.map { f in
            Row(profile: f.profile.id, generation: f.profile.generation, gpusPerRack: f.profile.gpusPerRack,
                tokensPerSecondPerGPU: f.t.tokensPerSecondPerGPU, tokensPerSecondPerRack: f.perRack, designPUE: f.pue,
                facilityKWPerRack: f.facilityKW, tokensPerSecondPerFacilityMW: perMW(f), capexUSDPerGPU: f.capexPerGPU,
                costPerMillionTokensUSD: f.cost,
                ratioPerGPU: f.t.tokensPerSecondPerGPU / ref.t.tokensPerSecondPerGPU, ratioPerRack: f.perRack / ref.perRack,
                ratioPerFacilityMW: perMW(f) / perMW(ref), ratioCapexPerGPU: f.capexPerGPU / ref.capexPerGPU,
                ratioCheaperPerToken: ref.cost / f.cost,
                round: f.t.mlperf.map { "\($0.round) \($0.resultID)" } ?? "estimate",
                scenario: f.t.mlperf?.scenario.rawValue ?? "-", precision: f.t.precision.rawValue, evidence: f.t.source.evidence.rawValue)
        }
    }
}
