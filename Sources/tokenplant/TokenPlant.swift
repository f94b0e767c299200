import ArgumentParser

/// The `tokenplant` command: a thin shell over the TokenPlant libraries.
@main
struct TokenPlant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenplant",
        abstract: "Plan and simulate AI factories: hardware mix, power and cooling, hour by hour.",
        version: "0.1.0",
        subcommands: [Validate.self, Profiles.self, Plan.self, Bench.self, ClimateCommand.self]
    )
}
