import Specs
import Testing

@Suite("Parameter: number or range")
struct ParameterTests {
    @Test func rangesParse() throws {
        let spec = try Spec.parse(
            toml: ptsfd(
                federation: "workers = 4\nclasses = 3\naccuracy = { min = 0.6, max = 0.95 }",
                mechanism: "kind = \"ptsfd\"\ndeposit = 1000\nbeta = { min = 1, max = 2 }"),
            file: "x.toml")
        #expect(spec.mechanism.beta == .range(min: 1, max: 2))
        #expect(spec.federation.accuracy == .all(.range(min: 0.6, max: 0.95)))
        #expect(spec.federation.accuracy.parameters(workers: 2) == [
            .range(min: 0.6, max: 0.95), .range(min: 0.6, max: 0.95),
        ])
    }

    @Test func bounds() {
        let p = Parameter.range(min: 1, max: 2)
        #expect(p.lowerBound == 1 && p.upperBound == 2 && p.isRange)
        #expect(p.contains(1.5) && !p.contains(2.5))
        #expect(Parameter.value(3).lowerBound == 3 && !Parameter.value(3).isRange)
        #expect(p.description == "{min = 1, max = 2}")
        #expect(Parameter.value(0.25).description == "0.25")
    }

    @Test func singleValue() throws {
        #expect(try Parameter.value(1.5).single(file: "f", key: "k") == 1.5)
        let error = refusal { () throws(SpecError) in
            try Parameter.range(min: 1, max: 2).single(file: "specs/x.toml", key: "mechanism.beta")
        }
        #expect(
            error?.description
                == "specs/x.toml: mechanism.beta: is a range {min = 1, max = 2}; settle needs a single value")
    }

    @Test func settleRefusesARangeOfBeta() throws {
        let spec = try Spec.parse(
            toml: ptsfd(mechanism: "kind = \"ptsfd\"\ndeposit = 1000\nbeta = { min = 1, max = 2 }"),
            file: "x.toml")
        let error = refusal { () throws(SpecError) in try spec.ptsfdParameters(file: "x.toml") }
        #expect(error?.key == "mechanism.beta")
        #expect(error?.reason.contains("settle needs a single value") == true)
    }

    @Test func settleRefusesARangeOfLambdaInTheSchedule() throws {
        let spec = try Spec.parse(
            toml: ptsfd(mechanism: "kind = \"ptsfd\"\ndeposit = 1000\nlambda = { min = 1, max = 2 }"),
            file: "x.toml")
        let error = refusal { () throws(SpecError) in try spec.ptsfdParameters(file: "x.toml") }
        #expect(error?.key == "contract.lambda_schedule[0]")
    }

    @Test(arguments: [
        ("beta = { min = 2, max = 1 }", "mechanism.beta", "range {min = 2, max = 1} has min > max"),
        ("beta = { min = -1, max = 1 }", "mechanism.beta.min", "-1 is out of range (0 ... 1000000)"),
        ("beta = { min = 1 }", "mechanism.beta.max", "missing required key"),
        ("beta = { min = 1, max = 2, step = 1 }", "mechanism.beta.step", "unknown key"),
        ("beta = { min = \"a\", max = 2 }", "mechanism.beta.min", "expected a number, found string \"a\""),
        ("lambda = { min = 0, max = inf }", "mechanism.lambda.max", "inf is not a finite number"),
    ])
    func badRanges(line: String, key: String, reason: String) {
        let error = specRefusal(ptsfd(mechanism: "kind = \"ptsfd\"\ndeposit = 1000\n\(line)"))
        #expect(error?.file == "x.toml")
        #expect(error?.key == key)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }
}
