extension ReferenceDesign {
    /// Problems of fabric prices (README "Fabric capex"): a priced fabric gives both prices; once one fabric is priced, the
    /// site's and every hall's own are (a rack's capex then leaves the network out wherever it stands); and
    /// `economics.fabricShareOfRackOverhead` says how much of the racks' all-in overhead the prices replace, at most the
    /// overhead of every profile the design allows. No hall group may take the site fabric's name. Fields out of range
    /// (`outside`) are left to the range check.
    static func fabricPriceIssues(_ d: ReferenceDesign, catalog: Catalog, outside: Set<String>, into c: inout IssueCollector<ReferenceDesign>) {
        let fabrics = [(path: "fabric", whose: "the site's fabric", fabric: d.fabric)]
            + d.halls.enumerated().compactMap { i, hall in hall.fabric.map { (path: "halls[\(i)].fabric", whose: "\(hall.name)'s fabric", fabric: $0) } }
        for entry in fabrics where entry.fabric.isPriced && (entry.fabric.switchCapexUSD == nil || entry.fabric.transceiverCapexUSD == nil) {
            let missing = entry.fabric.switchCapexUSD == nil ? "switchCapexUSD" : "transceiverCapexUSD"
            c.add("\(entry.path).\(missing)", "a priced fabric needs both switchCapexUSD and transceiverCapexUSD (0 for copper links)")
        }
        let share = d.economics.fabricShareOfRackOverhead
        guard d.pricesFabrics else {
            if share != nil {
                c.add("economics.fabricShareOfRackOverhead", "no fabric has prices, so nothing replaces that part of the racks' overhead: "
                    + "give fabric.switchCapexUSD and fabric.transceiverCapexUSD, or drop fabricShareOfRackOverhead")
            }
            return
        }
        let priced = fabrics.filter(\.fabric.isPriced).map(\.whose).joined(separator: ", ")
        for entry in fabrics where !entry.fabric.isPriced {
            c.add("\(entry.path).switchCapexUSD", "\(entry.whose) has no prices while \(priced) has: price this one too (switchCapexUSD "
                + "and transceiverCapexUSD), so every rack's capex leaves the network out alike, or take the prices off the others")
        }
        for (i, hall) in d.halls.enumerated() where hall.name == PricedFabricName.site {
            c.add("halls[\(i)].name", "'\(hall.name)' is the site's priced fabric's name in the model and bom.csv: rename the hall")
        }
        guard let share else {
            c.add("economics.fabricShareOfRackOverhead", "the fabrics have prices: say what part of each rack's all-in overhead "
                + "(allInOverheadShare, 0.185 in the bundled catalog for network, storage and installation) they replace, "
                + "e.g. 0.11 (README \"Fabric capex\"), so the network is not paid twice")
            return
        }
        let over = d.profiles.compactMap(catalog.profile).filter { share > $0.allInOverheadShare }
        if !outside.contains("economics.fabricShareOfRackOverhead"), let least = over.map(\.allInOverheadShare).min() {
            c.add("economics.fabricShareOfRackOverhead", "\(format(share)) is more than the whole all-in overhead share of "
                + "\(over.map(\.id).joined(separator: ", ")) (\(format(least))\(over.count > 1 ? " at the least" : "")): give at most \(format(least))")
        }
    }
}

/// The name the site's priced fabric goes by in the model's rows and columns and in bom.csv (`fabric ports site_fabric`),
/// which no hall group may take.
public enum PricedFabricName {
    public static let site = "site_fabric"
}
