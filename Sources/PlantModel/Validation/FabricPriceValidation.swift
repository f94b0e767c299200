extension ReferenceDesign {
    /// Problems of fabric prices (README "Fabric capex"): a priced fabric gives both prices; once one fabric is priced, the
    /// site's and every hall's own are (a rack's capex then leaves the network out wherever it stands); and
    /// `economics.fabricShareOfRackOverhead` says how much of the racks' all-in overhead the prices replace, at most the
    /// overhead of every profile the design allows.
    static func fabricPriceIssues(_ d: ReferenceDesign, catalog: Catalog, into c: inout IssueCollector<ReferenceDesign>) {
        let fabrics = [("fabric", d.fabric)] + d.halls.enumerated().compactMap { i, hall in hall.fabric.map { ("halls[\(i)].fabric", $0) } }
        for (path, fabric) in fabrics where fabric.isPriced && (fabric.switchCapexUSD == nil || fabric.transceiverCapexUSD == nil) {
            let missing = fabric.switchCapexUSD == nil ? "switchCapexUSD" : "transceiverCapexUSD"
            c.add("\(path).\(missing)", "a priced fabric needs both switchCapexUSD and transceiverCapexUSD (0 for copper links)")
        }
        let share = d.economics.fabricShareOfRackOverhead
        guard d.pricesFabrics else {
            if share != nil {
                c.add("economics.fabricShareOfRackOverhead", "no fabric has prices, so nothing replaces that part of the racks' overhead: "
                    + "give fabric.switchCapexUSD and fabric.transceiverCapexUSD, or drop fabricShareOfRackOverhead")
            }
            return
        }
        for (path, fabric) in fabrics where !fabric.isPriced {
            c.add("\(path).switchCapexUSD", "another fabric of the design has prices: price this one too (switchCapexUSD and "
                + "transceiverCapexUSD), so every rack's capex leaves the network out alike")
        }
        guard let share else {
            c.add("economics.fabricShareOfRackOverhead", "the fabrics have prices: say what part of each rack's all-in overhead "
                + "(allInOverheadShare, 0.185 in the bundled catalog for network, storage and installation) they replace, "
                + "e.g. 0.11 (README \"Fabric capex\"), so the network is not paid twice")
            return
        }
        for id in d.profiles {
            guard let profile = catalog.profile(id), share > profile.allInOverheadShare else { continue }
            c.add("economics.fabricShareOfRackOverhead", "\(format(share)) is more than \(id)'s whole all-in overhead share "
                + "\(format(profile.allInOverheadShare)): give at most that")
        }
    }
}
