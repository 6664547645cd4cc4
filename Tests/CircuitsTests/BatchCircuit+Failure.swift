import Circuits

extension BatchCircuit {
    /// The first constraint `w` breaks, explained (`ConstraintSystem.explain`), or nil.
    func failure(_ w: BatchWitness) -> String? {
        let cs = build(w)
        let (c, a) = cs.compile()
        do { try c.check(a); return nil } catch { return cs.explain(error) }
    }
}
