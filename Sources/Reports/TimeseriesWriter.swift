import Twin

/// Streams hours into `timeseries.csv`, a file of an ``OutputSet``: the rows go into the set's staging
/// folder, and the file appears in the output folder only when the set is committed.
public final class TimeseriesWriter {
    private let file: StagedFile
    private var error: OutputError?

    /// Starts `timeseries.csv` (its header) in `set`.
    public init(in set: OutputSet) throws(OutputError) {
        file = try set.stream(SimulationReport.timeseriesFile)
        try file.write(SimulationReport.timeseriesHeader)
    }

    /// Writes one hour; the first write error is kept and thrown by ``finish()``.
    public func sink(_ record: HourRecord) {
        guard error == nil else { return }
        do { try file.write(SimulationReport.timeseriesLine(record)) } catch { self.error = error }
    }

    /// Writes the last rows and closes the file (it moves into the folder with the set's commit).
    public func finish() throws(OutputError) {
        if let error { throw error }
        try file.finish()
    }
}
