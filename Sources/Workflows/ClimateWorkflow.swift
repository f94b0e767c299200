import Climate

/// `tokenplant climate summarize`: the site-file climate block of an EPW year.
public enum ClimateWorkflow {
    /// The `location:` and `climate:` blocks for `file`, with comment lines on where the design figures
    /// come from; `sourceID` is the reference the figures cite.
    public static func summarize(file: String, sourceID: String, designFromHours: Bool) throws(CommandFailure) -> String {
        let epw = try failing { try EPWFile.load(from: file) }
        let summary = ClimateSummary(epw, sourceID: sourceID, designFrom: designFromHours ? .hours : .headerWhereGiven)
        let l = epw.location
        let origin = summary.designFromHeader ? "from the ASHRAE header"
            : epw.designConditions == nil ? "derived from the hours (no header)" : "derived from the hours"
        var text = "# \(l.city), \(l.region), \(l.country) (\(l.source) \(l.stationID)): \(epw.hours.count) hours; design conditions \(origin)\n"
        if epw.pressureFilledRows > 0 {
            text += "# \(epw.pressureFilledRows) rows had no station pressure: standard atmosphere at \(l.elevationM) m used\n"
        }
        text += "location: {latitudeDeg: \(l.latitudeDeg), longitudeDeg: \(l.longitudeDeg), elevationM: \(l.elevationM), utcOffsetH: \(l.utcOffsetH)}\n"
        return text + summary.yaml
    }
}
