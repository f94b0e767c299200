import PlantModel

extension PowerChain {
    /// Grid power at the design loading, MW: IT power passes the UPS and the transformers, cooling power
    /// only the transformers. At the design loading ``PowerLossCurve`` gives exactly these efficiencies;
    /// below it the fixed losses make the chain less efficient, so this is the planner's upper bound.
    public func facilityMWAtDesignLoading(itMW: Double, coolingMW: Double) -> Double {
        itMW / (transformerEfficiency * upsEfficiency) + coolingMW / transformerEfficiency
    }
}
