import ArgumentParser

/// `tokenplant plan` (placeholder until the planner lands).
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Choose the hardware mix hall by hall and quarter by quarter.")
}
