/// What bucket accumulation reads from an input point, so the same loop runs
/// over `[G1Affine]` (plain MSM) and over packed tables (fixed-base MSM).
protocol MSMPoint {
    var isInfinity: Bool { get }
    var x: Fq { get }
    var y: Fq { get }
}

extension G1Affine: MSMPoint {}
extension PackedG1Affine: MSMPoint {}
