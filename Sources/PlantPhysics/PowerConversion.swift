import PlantModel

extension PowerChain {
    /// Grid power at the design loading, MW: IT power passes the UPS and the transformers; cooling power and
    /// the house loads (``houseLoadFraction`` of IT) only the transformers. At the design loading
    /// ``PowerLossCurve`` gives exactly these efficiencies; below it the curves' no-load losses make the chain
    /// less efficient than this, the one place where the planner's coefficients are not an upper bound of the
    /// twin's (README, "simulate").
    public func facilityMWAtDesignLoading(itMW: Double, coolingMW: Double) -> Double {
        itMW / (transformerEfficiency * upsEfficiency) + (coolingMW + houseLoadMW(fullLoadITMW: itMW)) / transformerEfficiency
    }

    /// House loads of an installed IT power at full load, MW: constant, whatever the racks' utilization.
    public func houseLoadMW(fullLoadITMW: Double) -> Double { houseLoadFraction * fullLoadITMW }
}
