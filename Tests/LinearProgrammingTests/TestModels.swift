import LinearProgramming

/// Models with answers worked out by hand, shared by the tests.
enum TestModels {
    /// Hillier & Lieberman's Wyndor Glass LP with one extra column `z`:
    ///
    ///     max 3x + 5y + z
    ///     plant1:  x            ≤ 4
    ///     plant2:       2y      ≤ 12
    ///     plant3: 3x + 2y + 3z  ≤ 18,   x, y, z ≥ 0
    ///
    /// By hand: plant2 and plant3 bind, so y = 6, x = (18 − 12)/3 = 2, z = 0, objective 6 + 30 = 36.
    /// Duals solve B'π = c_B for basis {x, y, slack1}: 3π₃ = 3 → π₃ = 1; 2π₂ + 2π₃ = 5 → π₂ = 1.5; π₁ = 0.
    /// Reduced cost of z: 1 − 3π₃ = −2 (so z stays at zero); x and y are basic (0).
    static func wyndor() -> (Model, x: VariableID, y: VariableID, z: VariableID) {
        var m = Model(name: "wyndor", sense: .maximize)
        let x = m.addVariable("x", objective: 3)
        let y = m.addVariable("y", objective: 5)
        let z = m.addVariable("z", objective: 1)
        m.addConstraint("plant1", [Term(x, 1)], upperBound: 4)
        m.addConstraint("plant2", [Term(y, 2)], upperBound: 12)
        m.addConstraint("plant3", [Term(x, 3), Term(y, 2), Term(z, 3)], upperBound: 18)
        return (m, x, y, z)
    }

    /// Coefficients of a small integer program: max c·v, A·v ≤ b, v ∈ {0..3}³.
    static let mipObjective: [Double] = [5, 4, 3]
    static let mipRows: [([Double], Double)] = [([2, 3, 1], 5), ([4, 1, 2], 11), ([3, 4, 2], 8)]

    static func smallMIP(kind: VariableKind = .integer) -> Model {
        var m = Model(name: "small_mip", sense: .maximize)
        let v = mipObjective.enumerated().map { j, c in
            m.addVariable("v(\(j))", kind: kind, lowerBound: 0, upperBound: 3, objective: c)
        }
        for (i, row) in mipRows.enumerated() {
            m.addConstraint("row(\(i))", zip(v, row.0).map { Term($0, $1) }, upperBound: row.1)
        }
        return m
    }

    /// `x + y ≤ 1` and `x + y ≥ 2`: no solution.
    static func infeasible(kind: VariableKind) -> Model {
        var m = Model(name: "infeasible", sense: .maximize)
        let x = m.addVariable("x", kind: kind, objective: 1)
        let y = m.addVariable("y", kind: kind, objective: 1)
        m.addConstraint("at_most_one", [Term(x, 1), Term(y, 1)], upperBound: 1)
        m.addConstraint("at_least_two", [Term(x, 1), Term(y, 1)], lowerBound: 2)
        return m
    }

    /// `max x` with `x − y ≤ 1`, x, y ≥ 0: x grows with y without limit.
    static func unbounded(kind: VariableKind) -> Model {
        var m = Model(name: "unbounded", sense: .maximize)
        let x = m.addVariable("x", kind: kind, objective: 1)
        let y = m.addVariable("y", kind: kind)
        m.addConstraint("gap", [Term(x, 1), Term(y, -1)], upperBound: 1)
        return m
    }

    /// A market-split instance (Cornuéjols & Dawande 1999), made always feasible by penalized slacks:
    /// `min Σ (s⁺ + s⁻)` with `Σ a_ij x_j + s⁺_i − s⁻_i = d_i`, x binary. Its LP bound is 0 while integer
    /// solutions almost surely leave a residue, so branch-and-bound cannot close the gap quickly.
    /// `x = 0, s⁺ = d` is feasible and returned as a starting point.
    static func marketSplit(rows: Int = 4, columns: Int = 36, seed: UInt64 = 7) -> (Model, start: [Double]) {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % 100)
        }
        var m = Model(name: "market_split", sense: .minimize)
        let x = (0..<columns).map { m.addVariable("x(\($0))", kind: .binary) }
        var start = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(next()) }
            let d = (a.reduce(0, +) / 2).rounded(.down)
            let plus = m.addVariable("slack_up(\(i))", objective: 1)
            let minus = m.addVariable("slack_down(\(i))", objective: 1)
            m.addConstraint("split(\(i))", zip(x, a).map { Term($0, $1) } + [Term(plus, 1), Term(minus, -1)],
                            lowerBound: d, upperBound: d)
            start += [d, 0]
        }
        return (m, start)
    }
}
