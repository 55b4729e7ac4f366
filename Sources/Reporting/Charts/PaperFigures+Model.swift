import Verification

extension PaperFigures {
    /// verify's expected rewards per sample against beta (`RewardCurves`): the analytic
    /// counterpart of Fig. 6, drawn for every PTSFD spec whose model has one value besides beta.
    public static func rewardsAgainstBeta(_ curves: RewardCurves) -> ChartData {
        let series = curves.series.enumerated().map { k, s in
            ChartData.Series(
                name: s.name,
                points: zip(curves.beta, s.values).map { ChartData.Point(x: $0.doubleValue, y: $1.doubleValue) },
                dashed: k > 0)
        }
        let at = curves.specBeta.map { "; spec β = \($0)" } ?? ""
        return ChartData(
            id: "model-rewards-beta", kind: .line, title: "Expected reward per sample against β (verify's model)",
            caption: "verify's exact model, before λ; coalition fraction \(curves.coalition)\(at)",
            x: .init("β"), y: .init("expected reward per sample", unit: "reward units"), series: series)
    }
}
