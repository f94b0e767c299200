/// One purchasable rack configuration with its nominal figures, each traceable to a source.
public struct RackProfile: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Stable identifier (`gb300-nvl72`).
    public var id: String
    public var name: String
    /// Hopper, Blackwell, Blackwell Ultra, Rubin.
    public var generation: String
    public var gpusPerRack: Int
    /// Power mode the rack runs at: `rackMaxKW` is its power in this mode, and every throughput figure was measured in it.
    public var powerMode: PowerMode
    /// Rack IT power at full load in ``powerMode``, kW: what power and cooling are sized for, and the draw at which
    /// the rack delivers its throughput figures.
    public var rackMaxKW: Double
    /// Rack IT power while running an MLPerf benchmark, kW: measured where published, else an estimate with its derivation.
    /// Reported beside `rackMaxKW`; nothing is sized on it.
    public var rackBenchmarkKW: Double
    /// Rack IT power when idle, kW.
    public var rackIdleKW: Double
    /// Share of rack heat captured by liquid (0 for air-cooled racks).
    public var liquidShare: Double
    /// Highest coolant (TCS) supply temperature the rack accepts, °C; `nil` for air-cooled racks.
    public var maxCoolantSupplyC: Double?
    /// Highest air inlet temperature, °C.
    public var maxAirInletC: Double
    /// Coolant flow per kW of liquid heat, L/min per kW.
    public var flowLpmPerKW: Double
    public var weightKg: Double
    /// Floor positions one rack takes.
    public var positionsPerRack: Int
    /// GPUs in one NVLink domain.
    public var nvlinkDomainGPUs: Int
    /// Scale-out network ports per GPU.
    public var scaleOutPortsPerGPU: Int
    /// Speed of each scale-out port, Gb/s.
    public var scaleOutGbpsPerPort: Double
    /// In-rack network power (NVSwitch trays, NICs), kW; the fabric's switches and optics are the design's.
    public var networkKWPerRack: Double
    /// Price of the rack's systems (servers or the integrated rack), USD.
    public var rackPriceUSD: Double
    /// What buying and installing the rack costs on top of its price (scale-out network, storage, installation),
    /// as a share of `rackPriceUSD`.
    public var allInOverheadShare: Double
    /// Price of one GPU alone, USD: the floor of the per-GPU all-in capex.
    public var gpuPriceUSD: Double
    /// First quarter the profile can be bought in volume.
    public var availableFrom: Quarter
    /// Tokens/s per GPU for each workload the profile can serve.
    public var throughput: [Throughput]
    /// Source of every numeric figure above, by key.
    public var figures: [String: FigureSource]

    public static var placeholder: RackProfile {
        RackProfile(id: "", name: "", generation: "", gpusPerRack: 0, powerMode: .maxP, rackMaxKW: 0, rackBenchmarkKW: 0, rackIdleKW: 0,
                    liquidShare: 0, maxCoolantSupplyC: nil, maxAirInletC: 0, flowLpmPerKW: 0, weightKg: 0,
                    positionsPerRack: 1, nvlinkDomainGPUs: 0, scaleOutPortsPerGPU: 0, scaleOutGbpsPerPort: 0,
                    networkKWPerRack: 0, rackPriceUSD: 0, allInOverheadShare: 0, gpuPriceUSD: 0, availableFrom: .placeholder, throughput: [], figures: [:])
    }

    /// The keys of every figure that must carry a source.
    public var figureKeys: [String] {
        ["gpusPerRack", "rackMaxKW", "rackBenchmarkKW", "rackIdleKW", "liquidShare", "maxAirInletC", "flowLpmPerKW",
         "weightKg", "positionsPerRack", "nvlinkDomainGPUs", "scaleOutPortsPerGPU", "scaleOutGbpsPerPort",
         "networkKWPerRack", "rackPriceUSD", "allInOverheadShare", "gpuPriceUSD", "availableFrom"]
            + (maxCoolantSupplyC == nil ? [] : ["maxCoolantSupplyC"])
    }

    /// Measured or estimated tokens/s per GPU for a workload; `nil` when the profile cannot serve it.
    public func tokensPerSecondPerGPU(_ workload: String) -> Double? {
        throughput.first { $0.workload == workload }?.tokensPerSecondPerGPU
    }

    /// All-in capex of one rack: its price plus the all-in overhead, USD.
    public var capexUSDPerRack: Double { rackPriceUSD * (1 + allInOverheadShare) }
    /// All-in capex per GPU, USD.
    public var capexUSDPerGPU: Double { gpusPerRack > 0 ? capexUSDPerRack / Double(gpusPerRack) : 0 }

    /// Heat rejected to liquid at full load, kW.
    public var liquidKW: Double { rackMaxKW * liquidShare }
    /// Heat rejected to air at full load (rack share plus in-rack network), kW.
    public var airKW: Double { rackMaxKW * (1 - liquidShare) + networkKWPerRack }
    /// Scale-out ports of one rack.
    public var scaleOutPorts: Int { gpusPerRack * scaleOutPortsPerGPU }
}

/// Numeric precision of a throughput result.
public enum Precision: String, FileEnum {
    case fp8 = "FP8", fp4 = "FP4", bf16 = "BF16"
}

/// Throughput of one profile on one workload.
public struct Throughput: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var workload: String
    public var tokensPerSecondPerGPU: Double
    public var precision: Precision
    /// Power mode the figure was measured (or estimated) at; must be the profile's.
    public var powerMode: PowerMode
    /// The MLCommons result a measured figure is taken from; required when the evidence is `measured`.
    public var mlperf: MLPerfResult?
    /// Where the figure comes from (an MLPerf result, or an estimate with its derivation); `range` is the spread
    /// over submitters of the same system in the same round.
    public var source: FigureSource

    public static var placeholder: Throughput {
        Throughput(workload: "", tokensPerSecondPerGPU: 0, precision: .fp8, powerMode: .maxP, mlperf: nil, source: .placeholder)
    }
}

/// A served model at a service level (e.g. DeepSeek-R1 under MLPerf's Server latency limits).
public struct Workload: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var id: String
    public var model: String
    /// Service level, as named by its benchmark (`MLPerf Inference Server`).
    public var serviceLevel: String
    /// Time-to-first-token limit, s; `nil` where no sourced figure is recorded.
    public var timeToFirstTokenS: Double?
    /// Minimum output speed per user, tokens/s; `nil` where no sourced figure is recorded.
    public var minTokensPerSecondPerUser: Double?
    public var source: FigureSource

    public static var placeholder: Workload {
        Workload(id: "", model: "", serviceLevel: "", timeToFirstTokenS: nil, minTokensPerSecondPerUser: nil, source: .placeholder)
    }
}

/// Every rack profile and workload TokenPlant knows, with the documents their figures come from.
public struct Catalog: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var profiles: [RackProfile]
    public var workloads: [Workload]
    public var references: [Reference]

    public static var placeholder: Catalog { Catalog(profiles: [], workloads: [], references: []) }

    public func profile(_ id: String) -> RackProfile? { profiles.first { $0.id == id } }
    public func workload(_ id: String) -> Workload? { workloads.first { $0.id == id } }
}
