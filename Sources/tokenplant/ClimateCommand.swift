import ArgumentParser
import Workflows

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
            try emit { try ClimateWorkflow.summarize(file: file, sourceID: source, designFromHours: designFromHours) }
        }
    }
}
