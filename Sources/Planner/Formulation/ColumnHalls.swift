import LinearProgramming

extension Formulation {
    /// The hall group of each column (racks bought, retired and in stock, the hall built, its power blocks); `nil` for
    /// the site's columns.
    var columnHalls: [Int?] {
        var halls = [Int?](repeating: nil, count: model.variables.count)
        for columns in [build, retire, stock] {
            for (e, byQuarter) in columns {
                for column in byQuarter.values { halls[column.index] = problem.eligible[e].hall }
            }
        }
        for columns in [hallBuilt, powerBlocks] {
            for (h, byQuarter) in columns {
                for column in byQuarter.values { halls[column.index] = h }
            }
        }
        return halls
    }
}
