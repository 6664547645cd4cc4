// swift-tools-version:6.0
import PackageDescription

// Release builds of field code must be fully optimised and specialised; the
// unchecked flag removes overflow traps that the limb arithmetic never relies on.
let hotPathSettings: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
]

let package = Package(
    name: "zkrollup",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zkrollup", targets: ["zkrollup"]),
        .library(name: "BN254", targets: ["BN254"]),
        .library(name: "Polynomials", targets: ["Polynomials"]),
        .library(name: "Keccak", targets: ["Keccak"]),
        .library(name: "KZG", targets: ["KZG"]),
        .library(name: "Poseidon", targets: ["Poseidon"]),
        .library(name: "Plonk", targets: ["Plonk"]),
        .library(name: "Settlement", targets: ["Settlement"]),
        .library(name: "State", targets: ["State"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: - System libraries

        /// libgmp (Debian libgmp-dev): big-number parsing/printing and the test oracle.
        .systemLibrary(name: "CGMP", path: "Sources/CGMP", providers: [.apt(["libgmp-dev"])]),
        /// libsecp256k1 (Debian libsecp256k1-dev): ECDSA signing and public-key recovery.
        .systemLibrary(name: "CSecp256k1", path: "Sources/CSecp256k1", providers: [.apt(["libsecp256k1-dev"])]),

        // MARK: - Libraries

        /// Keccak-256 (Ethereum's padding): shared by the EVM and the Plonk transcript.
        .target(name: "Keccak", swiftSettings: hotPathSettings),
        /// Chunked `concurrentPerform` over disjoint buffer ranges; the one unchecked-Sendable wrapper.
        .target(name: "Parallel", swiftSettings: hotPathSettings),
        /// Fq, Fr, Fq2/Fq6/Fq12, G1, G2, pairing, MSM, batch inversion, precompile semantics.
        .target(name: "BN254", dependencies: ["CGMP", "Parallel"], swiftSettings: hotPathSettings),
        /// Evaluation domains and the radix-2 NTT over Fr.
        .target(name: "Polynomials", dependencies: ["BN254", "Parallel"], swiftSettings: hotPathSettings),
        /// KZG commitments: the SRS (ceremony import, insecure dev setup), commit, open, verify.
        .target(name: "KZG", dependencies: ["BN254", "Polynomials", "Parallel"], swiftSettings: hotPathSettings),
        /// The EVM: words, state and Merkle-Patricia trie, interpreter, transactions, precompiles, tracer.
        .target(name: "EVM", dependencies: ["Keccak", "BN254", "CGMP", "CSecp256k1"], swiftSettings: hotPathSettings),
        /// Poseidon over Fr with circomlib's parameters (native permutation and hash; constants for gadgets).
        .target(name: "Poseidon", dependencies: ["BN254"], swiftSettings: hotPathSettings),
        /// PLONK over BN254 with KZG: constraint system, custom gates, log-derivative lookups, prover, verifier, encodings.
        .target(name: "Plonk", dependencies: ["BN254", "Polynomials", "KZG", "Keccak", "Parallel"], swiftSettings: hotPathSettings),
        /// Chain v2's state commitment in the making: the compressed sparse Merkle tree hashed with Poseidon.
        .target(name: "State", dependencies: ["BN254", "Poseidon", "EVM"], swiftSettings: hotPathSettings),
        /// Circuits: the Poseidon gadget, range checks, the state-tree gadget, sample circuits and the batch circuit.
        .target(name: "Circuits", dependencies: ["Plonk", "Poseidon", "BN254", "State", "EVM"], path: "circuits", exclude: ["README.md"], swiftSettings: hotPathSettings),
        /// The chain v2 node: storage (SQLite, PostgreSQL), genesis, mempool, block builder, batcher, JSON-RPC server.
        .target(
            name: "Sequencer",
            dependencies: [
                "BN254", "EVM", "Keccak", "Settlement", "State",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// The settlement contract's artifacts and its Swift mirror: batch headers, public input, deposit queue,
        /// withdraw tree, the contract's verifier checks, the state machine, ABI calls and the contract on our EVM.
        .target(name: "Settlement", dependencies: ["EVM", "Keccak", "BN254", "Plonk"]),
        /// The witness generator and prover of sealed batches: a batch file traced into the batch
        /// circuit's slots, its witness checked, then proven with the circuit's key.
        .target(name: "Proving", dependencies: ["BN254", "Circuits", "EVM", "KZG", "Plonk", "Sequencer", "State"],
                swiftSettings: hotPathSettings),
        /// The load harness behind `zkrollup stress`: funds accounts, sends pre-signed transactions over HTTP, reports TPS and latency.
        .target(name: "Stress", dependencies: ["EVM", "Keccak", "Sequencer"]),
        /// The sequencer's chain v1 side: a client of the settlement contract over Ethereum JSON-RPC, the deposit
        /// follower and the batch submitter, plus the local v1 dev chain behind `zkrollup l1 --dev`.
        .target(name: "Relayer", dependencies: ["EVM", "Keccak", "Sequencer", "Settlement"]),
        /// The benchmark suite behind `zkrollup bench`.
        .target(name: "Benchmarks", dependencies: ["BN254", "Polynomials", "Parallel", "KZG", "Plonk", "Poseidon", "Circuits", "EVM", "Keccak"], swiftSettings: hotPathSettings),
        /// Fixture loading, the seeded RNG and the libgmp reference oracle for tests.
        .target(name: "TestSupport", dependencies: ["BN254", "CGMP"]),

        // MARK: - Executable

        /// The command line: parses, calls one library, prints.
        .executableTarget(
            name: "zkrollup",
            dependencies: [
                "BN254", "Polynomials", "Benchmarks", "EVM", "Sequencer", "Stress",
                "KZG", "Plonk", "Circuits", "Settlement", "Relayer", "Proving", "State",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        .testTarget(name: "BN254Tests", dependencies: ["BN254", "Parallel", "TestSupport", "CGMP"]),
        .testTarget(name: "PolynomialsTests", dependencies: ["Polynomials", "BN254", "TestSupport"]),
        .testTarget(name: "KeccakTests", dependencies: ["Keccak", "TestSupport"]),
        .testTarget(name: "EVMTests", dependencies: ["EVM", "BN254", "CGMP", "Keccak", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "PoseidonTests", dependencies: ["Poseidon", "BN254", "TestSupport"]),
        .testTarget(name: "KZGTests", dependencies: ["KZG", "BN254", "Polynomials", "TestSupport"]),
        .testTarget(name: "CircuitsTests", dependencies: ["Circuits", "Plonk", "Poseidon", "KZG", "BN254", "State", "EVM", "TestSupport"]),
        .testTarget(name: "PlonkTests", dependencies: ["Plonk", "KZG", "BN254", "Polynomials", "Keccak", "TestSupport"]),
        .testTarget(name: "StressTests", dependencies: ["Stress", "Sequencer"]),
        .testTarget(name: "SettlementTests", dependencies: ["Settlement", "Circuits", "Plonk", "KZG", "BN254", "EVM", "TestSupport"]),
        .testTarget(name: "StateTests", dependencies: ["State", "BN254", "Poseidon", "EVM", "TestSupport"]),
        .testTarget(name: "ProvingTests", dependencies: ["Proving", "Settlement", "Circuits", "Sequencer", "State", "EVM", "Plonk", "KZG", "BN254", "Stress", "TestSupport"]),
        .testTarget(name: "SequencerTests", dependencies: ["Sequencer", "Settlement", "State", "EVM", "Keccak", "Stress", "TestSupport"]),
    ]
)
