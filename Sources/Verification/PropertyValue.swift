import Solver

/// One quantity that decides a property, exact (a rational) with its float beside it.
///
/// The names are fixed per property and documented in the README (for example
/// `heuristic_payoff`, `honest_payoff`, `best_response_gain`, `minimum_certainty`,
/// `budget_shortfall`); reports and CI key on them.
public struct PropertyValue: Hashable, Sendable {
    public var name: String
    public var exact: Rational

    public init(_ name: String, _ exact: Rational) {
        self.name = name
        self.exact = exact
    }

    /// The nearest double, for people and plots; the exact value is `exact`.
    public var float: Double { exact.doubleValue }
}

/// Where a property's values were taken, and what they are: the counterexample when refuted,
/// otherwise the point of the spec's ranges with the least slack among those examined.
public struct PropertyValues: Hashable, Sendable {
    /// The values, the deciding one first.
    public var values: [PropertyValue]
    /// The point (and case, such as the observed class) the values were evaluated at.
    public var at: [String: String]
    /// How the point was chosen, in words (for the report and the JSON).
    public var method: String

    public init(values: [PropertyValue], at: [String: String] = [:], method: String) {
        self.values = values
        self.at = at
        self.method = method
    }

    /// No values (the property has none, or its check did not get far enough).
    public static let none = PropertyValues(values: [], method: "")

    /// The deciding value, shown in the table.
    public var deciding: PropertyValue? { values.first }

    public subscript(name: String) -> Rational? { values.first { $0.name == name }?.exact }
}
