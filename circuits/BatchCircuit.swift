import BN254
import EVM
import Plonk
import State

/// The batch circuit: applying the batch's slots, in order, to the state tree whose root is
/// public input 1 yields the root that is public input 2. Public input 0 is the settlement
/// contract's binding of the batch's remaining data (chain id, withdraw root, message-queue
/// hash, data hash); the circuit does not constrain it (Keccak is not in the circuit yet), so
/// it only ties the proof to one commitment.
///
/// Per slot (`BatchSlot`; padding slots are two reads and change nothing), with every amount
/// range-checked so no field arithmetic can wrap:
/// - transfer: gasUsed = 21 000, gasUsed ≤ gasLimit, baseFee ≤ gasPrice ≤ feeCap; the sender
///   exists, has no code (EIP-3607) and its nonce is the transaction's; its balance covers
///   value + gasLimit × feeCap (the EVM's up-front check); it is debited value + gasUsed ×
///   gasPrice and its nonce goes up by one; the recipient, which has no code, is credited value;
/// - deposit: the recipient is credited value;
/// - an absent recipient is created only for a non-zero amount (EIP-161);
/// then the coinbase is credited Σ gasUsed × (gasPrice − baseFee) once (`BatchWitness`).
/// Each access is a `SparseMerkleGadget` at the circuit's depth, chained root to root.
///
/// Its verification key depends only on (depth, capacity): the sequencer seals batches that fit.
public struct BatchCircuit: Sendable, Equatable {
    /// The state tree depth of every access.
    public let depth: Int
    /// Slots per batch.
    public let capacity: Int

    /// A circuit of `capacity` ≥ 1 slots at tree `depth` (6…63).
    public init(depth: Int, capacity: Int) {
        precondition(depth >= 6 && depth < 64 && capacity >= 1)
        self.depth = depth; self.capacity = capacity
    }

    /// Rows (public-input rows included) of a circuit of this shape.
    public var rows: Int {
        let w = try! BatchWitness.generate(state: WorldState(), slots: [], coinbase: .zero, depth: depth, capacity: capacity)
        let cs = build(w)
        return cs.rowCount + cs.publicInputs.count
    }

    /// Rows one slot adds at `depth` (a transfer's cost; a deposit or padding slot costs the same).
    public static func rowsPerSlot(depth: Int) -> Int {
        BatchCircuit(depth: depth, capacity: 2).rows - BatchCircuit(depth: depth, capacity: 1).rows
    }

    /// The most slots a circuit of 2^logSize rows at `depth` holds (0 when not even one).
    public static func capacity(depth: Int, logSize: Int) -> Int {
        let one = BatchCircuit(depth: depth, capacity: 1).rows
        let per = rowsPerSlot(depth: depth)
        return one > 1 << logSize ? 0 : 1 + ((1 << logSize) - one) / per
    }

    /// What the public inputs are, in order.
    public static let publicInputNames = ["binding", "prev state root", "post state root"]

    /// Builds the constraint system for `w` (generated for this depth and capacity).
    public func build(_ w: BatchWitness) -> ConstraintSystem {
        precondition(w.depth == depth && w.slots.count == capacity, "witness of another shape")
        var cs = ConstraintSystem()
        let names = Self.publicInputNames
        _ = cs.publicInput(w.binding, name: names[0])
        let prev = cs.publicInput(w.prevRoot, name: names[1]), post = cs.publicInput(w.postRoot, name: names[2])
        cs.region("constants")
        let eoa = cs.constant(StateCommitment.externallyOwned)
        var root = prev
        var fees = cs.zero()
        for (i, s) in w.slots.enumerated() {
            let slot = s.slot
            let name = "slot \(i)"
            func f(_ x: Fr) -> Variable { cs.alloc(x) }
            func u(_ x: UInt64) -> Variable { cs.alloc(Fr(x)) }
            func word(_ x: UInt256?) -> Variable { cs.alloc(x.map(StateCommitment.scalar) ?? .zero) }
            cs.region("\(name): kind")
            let isTx = f(slot?.kind == .transfer ? .one : .zero), isDeposit = f(slot?.kind == .deposit ? .one : .zero)
            cs.assertBoolean(isTx); cs.assertBoolean(isDeposit)
            let active = cs.add(isTx, isDeposit)
            cs.assertBoolean(active)

            cs.region("\(name): value < 2^128")
            let value = word(slot?.value)
            RangeCheck.checkBits(&cs, value, bits: 128)
            cs.region("\(name): gas limit, fee cap, base fee < 2^64")
            let gasLimit = u(slot?.gasLimit ?? 0), feeCap = word(slot?.feeCap), baseFee = word(slot?.baseFee)
            for x in [gasLimit, feeCap, baseFee] { RangeCheck.checkBits(&cs, x, bits: 64) }
            let price = word(slot?.gasPrice), gasUsed = u(slot?.gasUsed ?? 0)
            cs.region("\(name): gas price ≤ fee cap")
            RangeCheck.checkBits(&cs, cs.sub(feeCap, price), bits: 64)
            cs.region("\(name): gas price ≥ base fee")
            let tip = cs.sub(price, baseFee)
            RangeCheck.checkBits(&cs, tip, bits: 64)
            cs.region("\(name): gas used = 21000")
            cs.addRow(a: isTx, b: gasUsed, qL: -Fr(21_000), qM: .one)
            cs.region("\(name): gas used ≤ gas limit")
            RangeCheck.checkBits(&cs, cs.sub(gasLimit, gasUsed), bits: 64)
            let fee = cs.mul(isTx, cs.mul(gasUsed, price))

            // Sender: debit value + fee, nonce + 1.
            cs.region("\(name) sender: fields")
            let sf = s.senderFields
            let sNonce = f(sf.nonce), sBalance = f(sf.balance)
            let sPacked = cs.combine(sNonce, StateCommitment.nonceShift, sBalance, .one)
            let sOld = PoseidonGadget.permute(&cs, [cs.zero(), sPacked, eoa])[0]
            cs.region("\(name) sender: nonce + 1 < 2^64")
            RangeCheck.checkBits(&cs, cs.combine(sNonce, .one, sNonce, .zero, constant: .one), bits: 64)
            cs.region("\(name) sender: balance < 2^128")
            RangeCheck.checkBits(&cs, sBalance, bits: 128)
            cs.region("\(name) sender: balance ≥ value + gas limit × fee cap")
            let upFront = cs.sub(cs.sub(sBalance, value), cs.mul(gasLimit, feeCap))
            RangeCheck.checkBits(&cs, cs.mul(isTx, upFront), bits: 128)
            cs.region("\(name) sender: nonce check")
            let txNonce = u(slot?.nonce ?? 0)
            cs.addRow(a: isTx, b: cs.sub(txNonce, sNonce), qM: .one)
            cs.region("\(name) sender: debit")
            let sNew = cs.sub(cs.combine(sPacked, .one, value, -Fr.one, constant: StateCommitment.nonceShift), fee)
            let sNewLeaf = PoseidonGadget.permute(&cs, [cs.zero(), sNew, eoa])[0]
            cs.region("\(name) sender: state tree access")
            let sKey = f(s.sender.key)
            let sAccess = SparseMerkleGadget.access(&cs, key: sKey, write: isTx, newValue: sNewLeaf, witness: s.sender)
            cs.region("\(name) sender: state root chain")
            cs.assertEqual(sAccess.oldRoot, root)
            root = sAccess.newRoot
            cs.region("\(name) sender: exists and matches its leaf")
            cs.addRow(a: isTx, b: sAccess.oldPresent, qL: .one, qM: -Fr.one)
            cs.addRow(a: isTx, b: cs.sub(sOld, sAccess.oldValue), qM: .one)

            // Recipient: credit value (a transfer's recipient has no code).
            let rKey = f(s.recipient.key)
            root = credit(&cs, "\(name) recipient", key: rKey, amount: value, active: active, noCode: isTx,
                          eoa: eoa, fields: s.recipientFields, witness: s.recipient, root: root)
            cs.region("\(name): fees")
            fees = cs.add(fees, cs.mul(isTx, cs.mul(gasUsed, tip)))
        }
        cs.region("coinbase: fees < 2^128")
        RangeCheck.checkBits(&cs, fees, bits: 128)
        let cbKey = cs.alloc(StateCommitment.accountKey(w.coinbase))
        root = credit(&cs, "coinbase", key: cbKey, amount: fees, active: cs.constant(.one), noCode: cs.zero(),
                      eoa: eoa, fields: w.coinbaseFields, witness: w.coinbaseAccess, root: root)
        cs.region("post state root")
        cs.assertEqual(root, post)
        return cs
    }

    /// Credits `amount` to the account at `key` when `active`, creating it only for a non-zero
    /// amount; returns the new root. With `noCode` 1 the account must have no code or storage.
    func credit(_ cs: inout ConstraintSystem, _ name: String, key: Variable, amount: Variable, active: Variable,
                noCode: Variable, eoa: Variable, fields rf: BatchWitness.Fields, witness: SparseMerkleAccess,
                root: Variable) -> Variable {
        cs.region("\(name): fields")
        let nonce = cs.alloc(rf.nonce), balance = cs.alloc(rf.balance), codeStorage = cs.alloc(rf.codeStorage)
        let packed = cs.combine(nonce, StateCommitment.nonceShift, balance, .one)
        let oldLeaf = PoseidonGadget.permute(&cs, [cs.zero(), packed, codeStorage])[0]
        cs.region("\(name): nonce < 2^64, balance < 2^128")
        RangeCheck.checkBits(&cs, nonce, bits: 64)
        RangeCheck.checkBits(&cs, balance, bits: 128)
        cs.region("\(name): balance + amount < 2^128")
        RangeCheck.checkBits(&cs, cs.add(balance, amount), bits: 128)
        cs.region("\(name): credit")
        let newLeaf = PoseidonGadget.permute(&cs, [cs.zero(), cs.add(packed, amount), codeStorage])[0]
        cs.region("\(name): no code")
        let notEOA = cs.sub(codeStorage, eoa)
        cs.addRow(a: noCode, b: notEOA, qM: .one)
        // write = active · (present ∨ amount ≠ 0), with present known only after the access.
        let amountValue = cs.value(of: amount)
        let nonZero = cs.alloc(amountValue.isZero ? .zero : .one)
        let present = witness.oldValue != nil
        let write = cs.alloc((present || !amountValue.isZero) && !cs.value(of: active).isZero ? .one : .zero)
        cs.region("\(name): state tree access")
        let acc = SparseMerkleGadget.access(&cs, key: key, write: write, newValue: newLeaf, witness: witness)
        cs.region("\(name): state root chain")
        cs.assertEqual(acc.oldRoot, root)
        cs.region("\(name): absent means empty, present matches its leaf")
        let own = acc.oldPresent
        cs.addRow(a: own, b: nonce, qR: .one, qM: -Fr.one)                 // (1 − own)·nonce = 0
        cs.addRow(a: own, b: balance, qR: .one, qM: -Fr.one)
        cs.addRow(a: own, b: notEOA, qR: .one, qM: -Fr.one)
        cs.addRow(a: own, b: cs.sub(oldLeaf, acc.oldValue), qM: .one)      // own·(leaf − value) = 0
        cs.region("\(name): created only for a non-zero amount (EIP-161)")
        let inv = cs.alloc(amountValue.isZero ? .zero : amountValue.inverse()!)
        cs.assertMul(amount, inv, nonZero)
        cs.addRow(a: amount, b: nonZero, qL: .one, qM: -Fr.one)            // amount·(1 − nonZero) = 0
        let either = cs.combine(own, .one, nonZero, .one, product: -Fr.one) // own ∨ nonZero
        cs.assertMul(active, either, write)
        return acc.newRoot
    }
}
