extension Model {
    /// The same problem with each continuous column that an equality row defines replaced by its definition.
    ///
    /// A row `x + Σ aⱼ yⱼ = b` (or `−x + …`), where `x` is the row's one continuous column not yet replaced, defines
    /// `x = b − Σ aⱼ yⱼ` with the replaced columns among the `yⱼ` expanded, so that every definition is over integer
    /// columns alone. Every other row and the objective take the definition in place of `x`; the defining row is
    /// dropped, `x`'s bounds become a row of that name on the definition, and `x` is left on no row, fixed at 0. A row
    /// whose terms all cancel is dropped where its bounds hold 0, and kept empty (infeasible) where they do not. The
    /// optimum's value is unchanged, up to products under ``Model/minimumMagnitude``, which are dropped. A model with any
    /// issue (``issues(options:)``) is returned as it is, for validation to refuse, and so is one whose substitution would
    /// have one (products or shifted bounds past ``Model/maximumMagnitude``).
    ///
    /// Stocks defined by builds (`stock(q) = stock(q−1) + build(q)`) thus become sums of whole builds, and the rows on
    /// them are knapsacks over integers alone, on which GLPK's mixed-integer rounding cuts work: a hall of
    /// benchmarks/campus-48-distinct.yaml took `glpsol --cuts` 5.1 s to prove optimal with its stocks and 0.03 s, at the
    /// root, without them (HiGHS 1.16: 0.02 s either way).
    public func substitutingDefinedColumns() -> Model {
        guard issues().isEmpty else { return self }
        var definitions: [Int: (terms: [Int: Double], constant: Double)] = [:]
        var definedBy: [Int: Int] = [:]
        // Each pass in row order defines what it can; a pass that defines nothing ends the search, so at most one pass
        // per row.
        for _ in 0..<constraints.count {
            var defined = false
            for (i, row) in constraints.enumerated() where definedBy[i] == nil {
                guard let rhs = row.lowerBound, row.upperBound == rhs else { continue }
                let open = Set(row.terms.map(\.variable.index).filter {
                    definitions[$0] == nil && variables[$0].kind == .continuous
                })
                guard open.count == 1, let x = open.first else { continue }
                let (sum, constant) = expanded(row.terms, by: definitions)
                guard let a = sum[x], abs(a) == 1, sum.count > 1 else { continue }
                var terms = sum
                terms[x] = nil
                definitions[x] = (terms.mapValues { -$0 / a }, (rhs - constant) / a)
                definedBy[i] = x
                defined = true
            }
            if !defined { break }
        }
        guard !definitions.isEmpty else { return self }

        var result = Model(name: name, sense: sense)
        result.variables = variables
        for x in definitions.keys {
            result.variables[x].lowerBound = 0
            result.variables[x].upperBound = 0
        }
        let (objectiveSum, objectiveShift) = expanded(objective, by: definitions)
        result.objective = Self.terms(objectiveSum)
        result.objectiveConstant = objectiveConstant + objectiveShift
        for (i, row) in constraints.enumerated() {
            if let x = definedBy[i] {
                // The defining row's name now carries the defined column's bounds.
                let bounds = variables[x]
                guard bounds.lowerBound != nil || bounds.upperBound != nil, let definition = definitions[x] else { continue }
                result.addConstraint(row.name, Self.terms(definition.terms), lowerBound: bounds.lowerBound.map { $0 - definition.constant },
                                     upperBound: bounds.upperBound.map { $0 - definition.constant })
                continue
            }
            let (sum, shift) = expanded(row.terms, by: definitions)
            let terms = Self.terms(sum)
            let lower = row.lowerBound.map { $0 - shift }
            let upper = row.upperBound.map { $0 - shift }
            if terms.isEmpty, (lower ?? 0) <= 0, (upper ?? 0) >= 0 { continue }
            result.addConstraint(row.name, terms, lowerBound: lower, upperBound: upper)
        }
        return result.issues().isEmpty ? result : self
    }

    /// `terms` with every defined column replaced by its definition: the coefficients by column, and the constant.
    private func expanded(_ terms: [Term], by definitions: [Int: (terms: [Int: Double], constant: Double)])
        -> (sum: [Int: Double], constant: Double) {
        var sum: [Int: Double] = [:]
        var scale: [Int: Double] = [:]
        var constant = 0.0
        for term in terms {
            let j = term.variable.index
            guard let definition = definitions[j] else {
                sum[j, default: 0] += term.coefficient
                scale[j] = max(scale[j] ?? 0, abs(term.coefficient))
                continue
            }
            constant += term.coefficient * definition.constant
            for (k, c) in definition.terms {
                sum[k, default: 0] += term.coefficient * c
                scale[k] = max(scale[k] ?? 0, abs(term.coefficient * c))
            }
        }
        // What cancels to rounding noise is zero.
        for (k, c) in sum where abs(c) <= Self.cancellationTolerance * scale[k]! { sum[k] = nil }
        return (sum, constant)
    }

    /// A coefficient summed from parts is taken as zero when it is this small against its largest part.
    static let cancellationTolerance = 1e-12

    /// `sum` as terms in column order, each coefficient within the magnitudes the solver takes.
    private static func terms(_ sum: [Int: Double]) -> [Term] {
        sum.keys.sorted().compactMap { abs(sum[$0]!) < minimumMagnitude ? nil : Term(VariableID($0), sum[$0]!) }
    }
}
