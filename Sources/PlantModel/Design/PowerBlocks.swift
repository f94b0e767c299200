/// UPS and transformer blocks the plan may add to each hall of a group (README "Facility decisions"): identical blocks of
/// `capacityMW` installed IT power path each, at most `perHall` in one hall, each at its build option's capex and lead time.
/// A hall's usable IT power is its redundancy rule's share of `installedCapacityMW` plus its blocks × `capacityMW`.
public struct PowerBlocks: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Installed IT power-path capacity one block adds to its hall (UPS modules with their transformers), MW.
    public var capacityMW: Double
    /// Most blocks one hall takes.
    public var perHall: Int
    /// Capex, lead time, fixed opex and life of one block.
    public var build: BuildOption

    public init(capacityMW: Double, perHall: Int, build: BuildOption) {
        self.capacityMW = capacityMW
        self.perHall = perHall
        self.build = build
    }

    public static var placeholder: PowerBlocks { PowerBlocks(capacityMW: 0, perHall: 1, build: .placeholder) }
}

extension HallGroup {
    /// IT power one power block lets the hall carry under its redundancy rule, MW; 0 without power blocks.
    public var usableMWPerBlock: Double { (powerBlocks?.capacityMW ?? 0) * redundancy.loadableShare }

    /// Installed IT power-path capacity of one hall with `blocks` power blocks in service, MW.
    public func installedCapacityMW(blocks: Int) -> Double { installedCapacityMW + Double(blocks) * (powerBlocks?.capacityMW ?? 0) }

    /// IT power one hall with `blocks` power blocks in service may carry under its redundancy rule, MW.
    public func usableITCapacityMW(blocks: Int) -> Double { installedCapacityMW(blocks: blocks) * redundancy.loadableShare }

    /// Power blocks one hall needs to carry `mw` of IT power, what its own usable capacity carries (less `tolerance` MW)
    /// needing none; 0 without power blocks.
    public func powerBlocksNeeded(forMW mw: Double, tolerance: Double) -> Int {
        guard usableMWPerBlock > 0 else { return 0 }
        return max(0, Int(((mw - usableITCapacityMW - tolerance) / usableMWPerBlock).rounded(.up)))
    }

    /// The first quarter a power block can be in service: not before the hall can be, and its lead time after the
    /// horizon's first quarter; `nil` without power blocks.
    public func powerBlockEarliestService(horizonFirst: Quarter) -> Quarter? {
        powerBlocks.map { $0.build.earliestService(availableFrom: earliestService(horizonFirst: horizonFirst), horizonFirst: horizonFirst) }
    }
}

extension ReferenceDesign {
    /// The hall group a single hall's name belongs to (the group's name for a group of one, `name-i` otherwise).
    public func group(ofHall name: String) -> HallGroup? {
        halls.first { g in (0..<g.count).contains { g.hallName($0) == name } }
    }
}
