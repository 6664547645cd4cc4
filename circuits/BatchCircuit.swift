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
/// - every transaction (transfer, call, creation): gasUsed ≤ gasLimit, baseFee ≤ gasPrice ≤
///   feeCap; the sender exists, has no code (EIP-3607) and its nonce is the transaction's; its
///   balance covers value + gasLimit × feeCap (the EVM's up-front check); it is debited the value
///   moved (all of it, or none when the transaction failed) + gasUsed × gasPrice, and its nonce
///   goes up by one; the target is credited the value moved;
/// - a transfer uses 21 000 gas, succeeds, and its recipient has no code;
/// - a call or creation uses ≥ 21 000 gas (how much, and whether it succeeded, is the trace's:
///   the code is not executed here); its target's leaf is opened to (code hash, storage root); a
///   call keeps the code hash; a successful creation needs an account without code, storage or
///   nonce and gives it nonce 1 and the trace's code hash; a slot with storage writes (only a
///   successful call or creation) moves the storage root from before to after, and
///   H(H(root before, root after), link) chains these pairs over the batch;
/// - deposit: the recipient is credited value;
/// - an absent target is created only for a non-zero amount or a code change (EIP-161);
/// then the coinbase is credited Σ gasUsed × (gasPrice − baseFee) once (`BatchWitness`).
/// Each access is a `SparseMerkleGadget` at the circuit's depth, chained root to root.
///
/// The storage operations (`BatchWitness.StorageOp`, `writes` of them) are accesses to storage
/// trees at the same depth: each run of operations from a `first` to a `last` is chained root to
/// root (a deletion read backwards, as the insertion it undoes), and the (root before, root
/// after) pairs of the runs, hashed into the same chain, must equal the slots' chain: every slot's
/// storage change is exactly its run of writes, in order.
///
/// Its verification key depends only on (depth, capacity, writes): the sequencer seals batches
/// that fit.
public struct BatchCircuit: Sendable, Equatable {
    /// The state tree depth of every access.
    public let depth: Int
    /// Slots per batch.
    public let capacity: Int
    /// Storage operations per batch.
    public let writes: Int

    /// A circuit of `capacity` ≥ 1 slots and `writes` ≥ 0 storage operations at tree `depth` (6…63).
    public init(depth: Int, capacity: Int, writes: Int = 0) {
        precondition(depth >= 6 && depth < 64 && capacity >= 1 && writes >= 0)
        self.depth = depth; self.capacity = capacity; self.writes = writes
    }

    /// An empty batch's witness for this shape (the layout every batch of the shape has).
    public var emptyWitness: BatchWitness {
        try! BatchWitness.generate(state: WorldState(), slots: [], coinbase: .zero, depth: depth, capacity: capacity,
                                   writes: writes)
    }

    /// Rows (public-input rows included) of a circuit of this shape.
    public var rows: Int {
        let cs = build(emptyWitness)
        return cs.rowCount + cs.publicInputs.count
    }

    /// Rows one slot adds at `depth` (a transfer's cost; every slot kind costs the same).
    public static func rowsPerSlot(depth: Int) -> Int {
        BatchCircuit(depth: depth, capacity: 2).rows - BatchCircuit(depth: depth, capacity: 1).rows
    }

    /// Rows one storage operation adds at `depth`.
    public static func rowsPerWrite(depth: Int) -> Int {
        BatchCircuit(depth: depth, capacity: 1, writes: 1).rows - BatchCircuit(depth: depth, capacity: 1).rows
    }

    /// The most slots a circuit of 2^logSize rows at `depth` with `writes` storage operations
    /// holds (0 when not even one).
    public static func capacity(depth: Int, logSize: Int, writes: Int = 0) -> Int {
        let one = BatchCircuit(depth: depth, capacity: 1, writes: writes).rows
        let per = rowsPerSlot(depth: depth)
        return one > 1 << logSize ? 0 : 1 + ((1 << logSize) - one) / per
    }

    /// The account tree's keys are addresses (`StateCommitment.accountKey`): below 2^160, so
    /// each account access decomposes its keys with one short range check.
    public static let accountKeyBits = 160

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
        var link = cs.zero()
        for (i, s) in w.slots.enumerated() {
            let slot = s.slot
            let name = "slot \(i)"
            func f(_ x: Fr) -> Variable { cs.alloc(x) }
            func u(_ x: UInt64) -> Variable { cs.alloc(Fr(x)) }
            func word(_ x: UInt256?) -> Variable { cs.alloc(x.map(StateCommitment.scalar) ?? .zero) }
            cs.region("\(name): kind")
            func flag(_ k: BatchSlot.Kind) -> Variable { f(slot?.kind == k ? .one : .zero) }
            let isTransfer = flag(.transfer), isDeposit = flag(.deposit), isCall = flag(.call), isCreate = flag(.create)
            for x in [isTransfer, isDeposit, isCall, isCreate] { cs.assertBoolean(x) }
            let isCon = cs.add(isCall, isCreate), isTx = cs.add(isTransfer, isCon)
            let active = cs.add(isTx, isDeposit)
            cs.assertBoolean(active)                                         // at most one kind
            cs.region("\(name): success")
            let success = f(slot?.success == true ? .one : .zero)
            cs.assertBoolean(success)
            let plain = cs.add(isTransfer, isDeposit)
            cs.addRow(a: plain, b: success, qL: .one, qM: -Fr.one)           // transfers and deposits succeed

            cs.region("\(name): value < 2^128")
            let value = word(slot?.value)
            RangeCheck.checkBits16(&cs, value, bits: 128)
            cs.region("\(name): gas limit, fee cap, base fee < 2^64")
            let gasLimit = u(slot?.gasLimit ?? 0), feeCap = word(slot?.feeCap), baseFee = word(slot?.baseFee)
            for x in [gasLimit, feeCap, baseFee] { RangeCheck.checkBits16(&cs, x, bits: 64) }
            let price = word(slot?.gasPrice), gasUsed = u(slot?.gasUsed ?? 0)
            cs.region("\(name): gas price ≤ fee cap")
            RangeCheck.checkBits16(&cs, cs.sub(feeCap, price), bits: 64)
            cs.region("\(name): gas price ≥ base fee")
            let tip = cs.sub(price, baseFee)
            RangeCheck.checkBits16(&cs, tip, bits: 64)
            cs.region("\(name): gas used = 21000 (transfer), ≥ 21000 (call, creation)")
            cs.addRow(a: isTransfer, b: gasUsed, qL: -Fr(21_000), qM: .one)
            RangeCheck.checkBits16(&cs, cs.mul(isCon, cs.combine(gasUsed, .one, gasUsed, .zero, constant: -Fr(21_000))), bits: 64)
            cs.region("\(name): gas used ≤ gas limit")
            RangeCheck.checkBits16(&cs, cs.sub(gasLimit, gasUsed), bits: 64)
            let fee = cs.mul(isTx, cs.mul(gasUsed, price))
            cs.region("\(name): value moved")
            let moved = cs.mul(value, success)

            // Sender: debit value + fee, nonce + 1.
            cs.region("\(name) sender: fields")
            let sf = s.senderFields
            let sNonce = f(sf.nonce), sBalance = f(sf.balance)
            let sPacked = cs.combine(sNonce, StateCommitment.nonceShift, sBalance, .one)
            let sOld = PoseidonGadget.permute(&cs, [cs.zero(), sPacked, eoa])[0]
            cs.region("\(name) sender: nonce + 1 < 2^64")
            RangeCheck.checkBits16(&cs, cs.combine(sNonce, .one, sNonce, .zero, constant: .one), bits: 64)
            cs.region("\(name) sender: balance < 2^128")
            RangeCheck.checkBits16(&cs, sBalance, bits: 128)
            cs.region("\(name) sender: balance ≥ value + gas limit × fee cap")
            let upFront = cs.sub(cs.sub(sBalance, value), cs.mul(gasLimit, feeCap))
            RangeCheck.checkBits16(&cs, cs.mul(isTx, upFront), bits: 128)
            cs.region("\(name) sender: nonce check")
            let txNonce = u(slot?.nonce ?? 0)
            cs.addRow(a: isTx, b: cs.sub(txNonce, sNonce), qM: .one)
            cs.region("\(name) sender: debit")
            let sNew = cs.sub(cs.combine(sPacked, .one, moved, -Fr.one, constant: StateCommitment.nonceShift), fee)
            let sNewLeaf = PoseidonGadget.permute(&cs, [cs.zero(), sNew, eoa])[0]
            cs.region("\(name) sender: state tree access")
            let sKey = f(s.sender.key)
            let sAccess = SparseMerkleGadget.access(&cs, key: sKey, write: isTx, newValue: sNewLeaf, witness: s.sender,
                                                  keyBits: Self.accountKeyBits)
            cs.region("\(name) sender: state root chain")
            cs.assertEqual(sAccess.oldRoot, root)
            root = sAccess.newRoot
            cs.region("\(name) sender: exists and matches its leaf")
            cs.addRow(a: isTx, b: sAccess.oldPresent, qL: .one, qM: -Fr.one)
            cs.addRow(a: isTx, b: cs.sub(sOld, sAccess.oldValue), qM: .one)

            // Target: credit the value moved (a transfer's recipient has no code); a call's or
            // creation's code hash and storage root.
            let rKey = f(s.recipient.key)
            let code = s.code
            root = credit(&cs, "\(name) target", key: rKey, amount: moved, active: active, noCode: isTransfer,
                          eoa: eoa, fields: s.recipientFields, witness: s.recipient, root: root) { cs, codeStorage, nonce in
                cs.region("\(name) target: code hash and storage root")
                let chOld = cs.alloc(code.codeHashBefore), srOld = cs.alloc(code.storageRootBefore)
                let chNew = cs.alloc(code.codeHashAfter), srNew = cs.alloc(code.storageRootAfter)
                let hasWrites = cs.alloc(code.hasWrites ? .one : .zero)
                cs.assertBoolean(hasWrites)
                let opened = PoseidonGadget.hash(&cs, chOld, srOld)
                cs.addRow(a: isCon, b: cs.sub(opened, codeStorage), qM: .one)          // the leaf opens
                let created = cs.mul(isCreate, success)
                cs.addRow(a: created, b: cs.sub(codeStorage, eoa), qM: .one)          // created over nothing
                cs.addRow(a: created, b: nonce, qM: .one)
                cs.addRow(a: isCall, b: cs.sub(chNew, chOld), qM: .one)               // a call keeps its code
                cs.addRow(a: hasWrites, b: cs.mul(isCon, success), qL: .one, qM: -Fr.one) // writes: successful code only
                cs.addRow(a: hasWrites, b: cs.sub(srNew, srOld), qR: .one, qM: -Fr.one)  // none: root unchanged
                let changes = cs.combine(created, .one, hasWrites, .one, product: -Fr.one)
                let codeStorageNew = PoseidonGadget.hash(&cs, chNew, srNew)
                cs.region("\(name) target: storage link")
                let next = PoseidonGadget.hash(&cs, link, PoseidonGadget.hash(&cs, srOld, srNew))
                link = cs.add(link, cs.mul(hasWrites, cs.sub(next, link)))
                return (changes, created, cs.add(codeStorage, cs.mul(changes, cs.sub(codeStorageNew, codeStorage))))
            }
            cs.region("\(name): fees")
            fees = cs.add(fees, cs.mul(isTx, cs.mul(gasUsed, tip)))
        }
        cs.region("coinbase: fees < 2^128")
        RangeCheck.checkBits16(&cs, fees, bits: 128)
        let cbKey = cs.alloc(StateCommitment.accountKey(w.coinbase))
        root = credit(&cs, "coinbase", key: cbKey, amount: fees, active: cs.constant(.one), noCode: cs.zero(),
                      eoa: eoa, fields: w.coinbaseFields, witness: w.coinbaseAccess, root: root)
        cs.region("post state root")
        cs.assertEqual(root, post)
        storageOps(&cs, w.ops, slotsLink: link)
        return cs
    }

    /// The storage operations, chained per run, their runs' (before, after) chain equal to the
    /// slots' (`slotsLink`).
    func storageOps(_ cs: inout ConstraintSystem, _ ops: [BatchWitness.StorageOp], slotsLink: Variable) {
        precondition(ops.count == writes, "witness of another shape")
        var link = cs.zero()
        var previous: (open: Variable, after: Variable, group: Variable)? = nil
        for (j, op) in ops.enumerated() {
            cs.region("storage op \(j): flags")
            func bool(_ b: Bool) -> Variable { cs.alloc(b ? .one : .zero) }
            let active = bool(op.active), first = bool(op.first), last = bool(op.last), delete = bool(op.delete)
            for x in [active, first, last, delete] { cs.assertBoolean(x) }
            for x in [first, last, delete] { cs.addRow(a: x, b: active, qL: .one, qM: -Fr.one) } // each implies active
            let continues = cs.sub(active, first)
            if let p = previous { cs.assertEqual(continues, p.open) } else { cs.assertEqual(continues, cs.zero()) }
            cs.region("storage op \(j): storage tree access")
            let key = cs.alloc(op.access.key), value = cs.alloc(op.access.newValue ?? .zero)
            let g = SparseMerkleGadget.access(&cs, key: key, write: active, newValue: value, witness: op.access)
            cs.region("storage op \(j): deletion reads backwards")
            cs.addRow(a: delete, b: g.oldPresent, qM: .one)                  // the key was not in the tree after
            let swap = cs.mul(delete, cs.sub(g.newRoot, g.oldRoot))
            let before = cs.add(g.oldRoot, swap), after = cs.sub(g.newRoot, swap)
            cs.region("storage op \(j): run chain")
            if let p = previous { cs.addRow(a: continues, b: cs.sub(before, p.after), qM: .one) }
            let group = cs.add(cs.mul(first, before), previous.map { cs.mul(continues, $0.group) } ?? cs.zero())
            let next = PoseidonGadget.hash(&cs, link, PoseidonGadget.hash(&cs, group, after))
            link = cs.add(link, cs.mul(last, cs.sub(next, link)))
            previous = (cs.sub(active, last), after, group)
        }
        cs.region("storage ops: every run closed, runs equal the slots' storage changes")
        if let p = previous { cs.assertEqual(p.open, cs.zero()) }
        cs.assertEqual(link, slotsLink)
    }

    /// Credits `amount` to the account at `key` when `active`, creating it only for a non-zero
    /// amount or a code change; returns the new root. With `noCode` 1 the account must have no
    /// code or storage. `contract`, given the leaf's codeStorage and nonce variables, returns
    /// (whether the code or storage changes, the nonce increment, the new codeStorage); without
    /// it neither changes.
    func credit(_ cs: inout ConstraintSystem, _ name: String, key: Variable, amount: Variable, active: Variable,
                noCode: Variable, eoa: Variable, fields rf: BatchWitness.Fields, witness: SparseMerkleAccess,
                root: Variable,
                contract: ((inout ConstraintSystem, Variable, Variable) -> (changes: Variable, nonceAdd: Variable, codeStorage: Variable))? = nil) -> Variable {
        cs.region("\(name): fields")
        let nonce = cs.alloc(rf.nonce), balance = cs.alloc(rf.balance), codeStorage = cs.alloc(rf.codeStorage)
        let packed = cs.combine(nonce, StateCommitment.nonceShift, balance, .one)
        let oldLeaf = PoseidonGadget.permute(&cs, [cs.zero(), packed, codeStorage])[0]
        cs.region("\(name): nonce < 2^64, balance < 2^128")
        RangeCheck.checkBits16(&cs, nonce, bits: 64)
        RangeCheck.checkBits16(&cs, balance, bits: 128)
        cs.region("\(name): balance + amount < 2^128")
        RangeCheck.checkBits16(&cs, cs.add(balance, amount), bits: 128)
        let (changes, nonceAdd, codeStorageNew) = contract?(&cs, codeStorage, nonce) ?? (cs.zero(), cs.zero(), codeStorage)
        cs.region("\(name): credit")
        let packedNew = cs.combine(cs.add(packed, amount), .one, nonceAdd, StateCommitment.nonceShift)
        let newLeaf = PoseidonGadget.permute(&cs, [cs.zero(), packedNew, codeStorageNew])[0]
        cs.region("\(name): no code")
        let notEOA = cs.sub(codeStorage, eoa)
        cs.addRow(a: noCode, b: notEOA, qM: .one)
        // write = active · (present ∨ amount ≠ 0 ∨ changes), with present known only after the access.
        let amountValue = cs.value(of: amount)
        let nonZero = cs.alloc(amountValue.isZero ? .zero : .one)
        let present = witness.oldValue != nil
        let write = cs.alloc((present || !amountValue.isZero || !cs.value(of: changes).isZero)
                             && !cs.value(of: active).isZero ? .one : .zero)
        cs.region("\(name): state tree access")
        let acc = SparseMerkleGadget.access(&cs, key: key, write: write, newValue: newLeaf, witness: witness,
                                            keyBits: Self.accountKeyBits)
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
        let any = cs.combine(either, .one, changes, .one, product: -Fr.one)  // ∨ changes
        cs.assertMul(active, any, write)
        return acc.newRoot
    }
}
