extension Site {
    /// Problems that show only when the site is planned with `design`, as (field path in the site, message): a feed the
    /// plan may connect needs a life to annualize its capex over, its own (`build.lifeYears`) or the design's
    /// `economics.facilityLifeYears`.
    public static func pairIssues(_ site: Site, design: ReferenceDesign) -> [(path: String, message: String)] {
        guard design.economics.facilityLifeYears == nil else { return [] }
        return site.grid.feeds.enumerated().compactMap { f, feed in
            feed.build == nil || feed.build?.lifeYears != nil ? nil
                : ("grid.feeds[\(f)].build.lifeYears", "grid feed \(feed.name) may be connected but its capex has no life: give "
                    + "grid.feeds[\(f)].build.lifeYears in the site, or economics.facilityLifeYears in the design")
        }
    }
}
