import EVM
import Sequencer
import Testing

@Suite struct DevAccountsTests {
    @Test func keysDeriveThePublishedAddresses() throws {
        #expect(DevAccounts.privateKeys.count == 10)
        for (key, address) in zip(DevAccounts.privateKeys, DevAccounts.addresses) {
            let derived = try Secp256k1.address(privateKey: Hex.decode(key)!)
            #expect(Hex.encode(derived) == address)
        }
    }

    @Test func devGenesisFundsEachKey() {
        let g = Genesis.dev()
        #expect(g.chainId == 1337)
        #expect(g.alloc.count == 10)
        for a in DevAccounts.addresses {
            #expect(g.alloc[Address(hex: a)!]?.balance == DevAccounts.balance)
        }
        #expect(DevAccounts.balance.description == "10000000000000000000000")
    }

    @Test func gethGenesisJSONParses() throws {
        let json = """
        {"config":{"chainId":42,"londonBlock":0},"gasLimit":"0x1c9c380","baseFeePerGas":"1000","extraData":"0x0102",
         "alloc":{"0000000000000000000000000000000000000001":{"balance":"0x10"},
                  "0x00000000000000000000000000000000000000aa":{"balance":"5","nonce":"0x2","code":"0x6001",
                      "storage":{"0x01":"0x02"}}}}
        """
        let g = try Genesis(json: Data(json.utf8))
        #expect(g.chainId == 42)
        #expect(g.gasLimit == 30_000_000)
        #expect(g.baseFeePerGas == UInt256(1000))
        #expect(g.extraData == [1, 2])
        #expect(g.alloc[Address(1)]?.balance == UInt256(16))
        let c = g.alloc[Address(0xaa)]
        #expect(c?.nonce == 2)
        #expect(c?.code.bytes == [0x60, 0x01])
        #expect(c?.storage[UInt256(1)] == UInt256(2))
    }

    @Test(arguments: ["[]", "{}", "{\"config\":{\"chainId\":1},\"alloc\":{\"0x12\":{}}}",
                      "{\"config\":{\"chainId\":1},\"gasLimit\":\"0xzz\"}"])
    func badGenesisIsRejected(_ json: String) {
        #expect(throws: GenesisError.self) { try Genesis(json: Data(json.utf8)) }
    }
}

import Foundation
