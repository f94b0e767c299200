import ArgumentParser
import PlantModel

/// `--catalog FILE`, shared by every command that reads profiles.
struct CatalogOption: ParsableArguments {
    @Option(name: .long, help: "Rack-profile catalog to use instead of the bundled one.")
    var catalog: String?

    func load() throws(InputError) -> Catalog {
        if let catalog { return try Catalog.load(from: catalog) }
        return try Catalog.bundled()
    }
}

/// Prints every issue on stderr and exits with code 1.
func failInvalid(_ error: InputError) -> ExitCode {
    for issue in error.issues { printError(issue.description) }
    return ExitCode(1)
}
