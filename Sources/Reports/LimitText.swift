import Planner
import Plans

extension ConstraintFamily {
    /// What the limit is, in a designer's words.
    public var words: String {
        switch self {
        case .floor: "floor positions"
        case .hallPower: "hall IT power (after the hall's redundancy rule)"
        case .liquid: "liquid-cooling (CDU) capacity"
        case .air: "air-cooling capacity"
        case .sitePower: "site power (usable grid capacity after the feed redundancy rule)"
        case .heatRejection: "heat-rejection capacity at the design ambient"
        case .chiller: "chiller capacity at the design ambient"
        case .network: "scale-out fabric ports"
        case .supply: "supply allocation"
        case .budget: "capex budget"
        case .serve: "racks serving workloads"
        case .share: "workload share"
        case .stock: "rack stock balance"
        case .tokenTarget: "token target"
        case .ratio: "optimal ratio kept"
        case .capexLimit: "capex limit of the Pareto sweep"
        case .facilityLimit: "facility power limit of the Pareto sweep"
        }
    }
}

/// Binding limits and planning failures in a designer's words.
public enum LimitText {
    /// "site power (…) in 2028Q2: binding, 336 of 336 MW used; +1 MW ≈ +9,581 tokens/s (summed over quarters)".
    public static func explanation(_ limit: BindingLimit) -> String {
        let state = limit.state == .binding ? "binding" : "near its limit"
        let per = limit.unit.isEmpty ? "unit" : limit.unit
        let price = limit.shadowPrice
        let value = price == 0 ? "" : "; +1 \(per) ≈ \(price > 0 ? "+" : "")\(NumberText.amount(price)) \(limit.shadowPriceUnit)"
        let when = limit.quarter.map { " in \($0)" } ?? ""
        let whereText = limit.subject.map { " (\($0))" } ?? ""
        return "\(limit.family.words)\(whereText)\(when): \(state), \(NumberText.amount(limit.used)) of "
            + "\(NumberText.amount(limit.capacity)) \(limit.unit) used\(value)"
    }

    /// The limits an infeasible plan must move, one per line.
    public static func diagnosis(_ d: InfeasibilityDiagnosis) -> String {
        d.shortfalls.map {
            "  \($0.constraint): raise by \(NumberText.amount($0.increase)) \($0.unit) (from \(NumberText.amount($0.capacity)))"
        }.joined(separator: "\n")
    }

    /// Why no plan came back.
    public static func message(_ error: PlanError) -> String {
        switch error {
        case .infeasible(let d): "no plan satisfies every limit.\n\(diagnosis(d))"
        case .noPlanWithinLimit(let seconds): "no feasible plan found within the time limit\(seconds.map { " of \($0) s" } ?? "")"
        case .invalidOptions(let message): message
        }
    }
}
