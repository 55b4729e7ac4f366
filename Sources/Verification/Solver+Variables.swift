import Solver

extension Solver {
    /// Keeps each term within its variable's range (open or closed at either end).
    func constrain(_ variables: [Variable], _ terms: [Term<RealSort>], in context: Context) {
        for (v, t) in zip(variables, terms) {
            add(v.lowerOpen ? t .> context.real(v.lower) : t .>= context.real(v.lower))
            add(v.upperOpen ? t .< context.real(v.upper) : t .<= context.real(v.upper))
        }
    }
}
