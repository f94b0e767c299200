import LinearProgramming

/// Branch-and-bound nodes and simplex iterations of the solves behind a plan, counted as they run: the relaxations,
/// relax-and-fix's steps, the neighbourhood searches, the facility's MIP and the search with it fixed, the final search and
/// the pricing LP, so that a plan whose starting plan closes the gap does not read "0 nodes" after seconds of search. One
/// per ``SolveSession``, shared with the ``Relaxation`` and ``FacilityFirst`` it makes and a re-plan's start
/// (``SplitStart``; a ratio re-plan counts its start in one of its own); used on the thread that made it.
final class SearchWork {
    private(set) var nodes = 0
    private(set) var iterations = 0

    /// Counts what `solution` (a solve's result, `nil` for one that threw) took, and returns it.
    @discardableResult
    func add(_ solution: Solution?) -> Solution? {
        guard let solution else { return nil }
        nodes += solution.branchAndBoundNodes
        iterations += solution.simplexIterations
        return solution
    }
}
