import Twin

/// Streams hours into `timeseries.csv`; the file appears only on ``commit()``.
public final class TimeseriesWriter {
    private let file: AtomicStreamFile
    private var error: Error?

    public init(path: String) throws {
        file = try AtomicStreamFile(path: path)
        try file.write(SimulationReport.timeseriesHeader)
    }

    /// Writes one hour; the first write error is kept and thrown by ``commit()``.
    public func sink(_ record: HourRecord) {
        guard error == nil else { return }
        do { try file.write(SimulationReport.timeseriesLine(record)) } catch { self.error = error }
    }

    public func commit() throws {
        if let error { throw error }
        try file.commit()
    }
}

