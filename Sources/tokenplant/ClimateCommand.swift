import ArgumentParser
import Climate

/// `tokenplant climate …`: weather files.
struct ClimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "climate", abstract: "Read weather files (EnergyPlus EPW).", subcommands: [Summarize.self])

    /// `tokenplant climate summarize FILE.epw`
    struct Summarize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the climate block of a site file (monthly normals, design conditions) derived from an EPW year.")

        @Argument(help: "EnergyPlus weather file (.epw).") var file: String
        @Option(help: "Reference id the figures cite (add it to the site's references).") var source: String = "epw"
        @Flag(help: "Take the design conditions from this year's hours even where the file has an ASHRAE header.")
        var designFromHours = false

        func run() throws {
            let epw: EPWFile
            do { epw = try EPWFile.load(from: file) } catch let error as EPWError {
                printError("invalid weather file: \(error)")
                throw ExitCode(1)
            }
            let summary = ClimateSummary(epw, sourceID: source, designFrom: designFromHours ? .hours : .headerWhereGiven)
            let l = epw.location
            print("# \(l.city), \(l.region), \(l.country) (\(l.source) \(l.stationID)): \(epw.hours.count) hours; design conditions \(summary.designFromHeader ? "from the ASHRAE header" : epw.designConditions == nil ? "derived from the hours (no header)" : "derived from the hours")")
            if epw.pressureFilledRows > 0 {
                print("# \(epw.pressureFilledRows) rows had no station pressure: standard atmosphere at \(l.elevationM) m used")
            }
            print("location: {latitudeDeg: \(l.latitudeDeg), longitudeDeg: \(l.longitudeDeg), elevationM: \(l.elevationM), utcOffsetH: \(l.utcOffsetH)}")
            print(summary.yaml, terminator: "")
        }
    }
}
