import PlantModel

/// One item of the bill of quantities in one quarter (`bom.csv`): what is bought that quarter and what is in
/// service, with its capex where the item has a price.
public struct PurchaseLine: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var quarter: Quarter
    /// What it is: `rack PROFILE`, `halls GROUP`, `CDU (N+1)`, `fabric switch`, `transceiver`, `fabric ports FABRIC`, `grid feed NAME`,
    /// `UPS and transformers`, `power blocks HALL`, `heat rejection`, `heat-rejection module`, `chillers`, `battery`, `battery power`.
    public var item: String
    /// The unit of `new` and `inService`: racks, halls, units, feeds, blocks, modules, MW or MWh.
    public var unit: String
    /// Bought (commissioned) in the quarter.
    public var new: Double
    /// In service at the end of the quarter.
    public var inService: Double
    /// Capex of one unit, USD; `nil` for items without a price in the inputs (their cost is in the racks' all-in
    /// overhead or the facility's capex per MW).
    public var unitCapexUSD: Double?
    /// `new` × `unitCapexUSD`, USD.
    public var capexUSD: Double?

    public init(quarter: Quarter, item: String, unit: String, new: Double, inService: Double, unitCapexUSD: Double? = nil) {
        self.quarter = quarter
        self.item = item
        self.unit = unit
        self.new = new
        self.inService = inService
        self.unitCapexUSD = unitCapexUSD
        capexUSD = unitCapexUSD.map { $0 * new }
    }

    public static var placeholder: PurchaseLine { PurchaseLine(quarter: .placeholder, item: "", unit: "", new: 0, inService: 0) }
}

/// Money in one quarter (`cashflow.csv`): capex as it is spent, and running costs at the demanded utilization.
public struct CashflowLine: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var quarter: Quarter
    /// All-in capex of the racks commissioned in the quarter, USD.
    public var rackCapexUSD: Double
    /// Capex of the host ports priced fabrics add in the quarter (README "Fabric capex"), USD; `nil` without priced fabrics.
    public var fabricCapexUSD: Double?
    /// Retired racks' decommissioning cost less their resale value, USD (negative when the resale is worth more).
    public var retirementUSD: Double
    /// Facility capex: of the given halls entering service in the quarter (not those standing before the horizon), and
    /// of the halls and feeds the plan builds, spread over their lead time before they enter service, USD.
    public var facilityCapexUSD: Double
    /// Energy of the fleet at the demanded utilization (the quarter's `utilization`), USD.
    public var energyUSD: Double
    /// Facility opex on the fleet's full-load facility MW, and the fixed opex of the halls and feeds built, USD.
    public var opexUSD: Double
    /// The six summed, USD.
    public var totalUSD: Double

    public init(quarter: Quarter, rackCapexUSD: Double, fabricCapexUSD: Double? = nil, retirementUSD: Double = 0, facilityCapexUSD: Double,
                energyUSD: Double, opexUSD: Double) {
        self.quarter = quarter
        self.rackCapexUSD = rackCapexUSD
        self.fabricCapexUSD = fabricCapexUSD
        self.retirementUSD = retirementUSD
        self.facilityCapexUSD = facilityCapexUSD
        self.energyUSD = energyUSD
        self.opexUSD = opexUSD
        totalUSD = 0  // every stored property set, so that `partsUSD` can be read
        // Six decimals, as every money figure of the plan (last-bit noise would otherwise reach the file).
        totalUSD = (partsUSD.reduce(0, +) * 1e6).rounded() / 1e6
    }

    /// The quarter's money that `totalUSD` sums, in the order of the columns: rack capex, fabric capex, retirement, facility
    /// capex, energy, opex.
    public var partsUSD: [Double] { [rackCapexUSD, fabricCapexUSD ?? 0, retirementUSD, facilityCapexUSD, energyUSD, opexUSD] }

    public static var placeholder: CashflowLine {
        CashflowLine(quarter: .placeholder, rackCapexUSD: 0, retirementUSD: 0, facilityCapexUSD: 0, energyUSD: 0, opexUSD: 0)
    }
}
