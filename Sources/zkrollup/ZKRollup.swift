import ArgumentParser

/// The `zkrollup` command line: every subcommand parses, calls one library, prints.
@main
struct ZKRollup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zkrollup",
        abstract: "A zk-rollup over BN254: sequencer, EVM, Plonk prover and settlement.",
        subcommands: [BenchCommand.self,
                      SRSCommand.self,
                      CircuitCommand.self,
                      ProveCommand.self,
                      VerifyCommand.self,
                      VKCommand.self,
                      L1Command.self,
                      EVMCommand.self,
                      SequencerCommand.self,
                      BatchCommand.self,
                      StressCommand.self,
                      SettlementCommand.self]
    )
}
