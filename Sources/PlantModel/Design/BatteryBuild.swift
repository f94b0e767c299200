/// How the plan may add to the site battery (README "Facility decisions", "Battery"): energy and power bought apart, in
/// any amount (a battery is racks of modules and inverters, fine-grained at a site's scale), each at its own capex. Energy
/// and power are priced apart because a ride-through of minutes needs much power and little energy, where a grid battery
/// of hours is priced per kWh of its usual 4-hour shape (NREL ATB): one price per MWh would misprice a UPS battery.
public struct BatteryBuild: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Capex of one MWh of usable energy added (cells, racks, battery management, enclosure), USD per MWh.
    public var capexUSDPerMWh: Double
    /// Capex of one MW of charge and discharge power added (inverters or UPS rectifiers, switchgear), USD per MW.
    public var capexUSDPerMW: Double
    /// Whole quarters from the horizon's first quarter (the earliest decision) to added battery in service.
    public var leadTimeQuarters: Int
    /// Years the added battery's capex is annualized over (with the design's discount rate). Required: lithium-ion
    /// lasts 10–15 years, well short of the facility's life, so the facility's would understate its cost.
    public var lifeYears: Double
    /// Fixed operating cost of the added energy (maintenance, monitoring, augmentation), USD per year per MWh; `nil` for none.
    public var fixedOpexUSDPerYearPerMWh: Double?

    public init(capexUSDPerMWh: Double, capexUSDPerMW: Double, leadTimeQuarters: Int, lifeYears: Double,
                fixedOpexUSDPerYearPerMWh: Double? = nil) {
        self.capexUSDPerMWh = capexUSDPerMWh
        self.capexUSDPerMW = capexUSDPerMW
        self.leadTimeQuarters = leadTimeQuarters
        self.lifeYears = lifeYears
        self.fixedOpexUSDPerYearPerMWh = fixedOpexUSDPerYearPerMWh
    }

    public static var placeholder: BatteryBuild { BatteryBuild(capexUSDPerMWh: 0, capexUSDPerMW: 0, leadTimeQuarters: 0, lifeYears: 1) }

    /// The first quarter added battery can be in service: the lead time after the horizon's first quarter.
    public func earliestService(horizonFirst: Quarter) -> Quarter { horizonFirst.advanced(by: leadTimeQuarters) }

    /// Capex of adding `energyMWh` and `powerMW`, USD.
    public func capexUSD(energyMWh: Double, powerMW: Double) -> Double { energyMWh * capexUSDPerMWh + powerMW * capexUSDPerMW }
}

extension Battery {
    /// Energy the ride-through needs at `loadMW`: `rideThroughMinutes` / 60 × the load, MWh; `nil` without a ride-through.
    public func rideThroughMWh(loadMW: Double) -> Double? { rideThroughMinutes.map { $0 / 60 * loadMW } }

    /// The battery with `energyMWh` and `powerMW` in service (and nothing left to add): the battery as it stands once the plan
    /// has built up to them.
    public func inService(energyMWh: Double, powerMW: Double) -> Battery {
        var battery = self
        (battery.energyMWh, battery.powerMW, battery.build) = (energyMWh, powerMW, nil)
        return battery
    }
}

extension Economics {
    /// Annual cost of `energyMWh` and `powerMW` added to the battery: their capex annualized over the build's life at the
    /// discount rate, plus the fixed opex of the energy, USD per year.
    public func annualCostUSD(_ build: BatteryBuild, energyMWh: Double, powerMW: Double) -> Double {
        build.capexUSD(energyMWh: energyMWh, powerMW: powerMW) * capitalRecoveryFactor(years: build.lifeYears)
            + energyMWh * (build.fixedOpexUSDPerYearPerMWh ?? 0)
    }
}
