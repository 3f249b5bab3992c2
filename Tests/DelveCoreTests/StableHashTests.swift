import DelveCore
import Testing

// FNV-1a 64 values computed independently in Python (offset basis
// 0xcbf29ce484222325, prime 0x100000001b3):
//
//     def fnv(data):
//         h = 0xcbf29ce484222325
//         for b in data: h = ((h ^ b) * 0x100000001b3) & ((1 << 64) - 1)
//         return h
//
// `combine(String)` mixes the UTF-8 bytes and then a 0x1F separator, so
// combine("a") is fnv(b"a\x1f"); integers are 8 bytes little end first and
// doubles their IEEE bit pattern: fnv(n.to_bytes(8, "little")),
// fnv(struct.pack("<d", x)). The plain FNV-1a 64 of "" is the offset basis
// and of "a" is 0xaf63dc4c8601ec8c, the published test vectors.

@Suite struct StableHashTests {
    func hash(_ strings: String...) -> StableHash {
        var h = StableHash()
        for s in strings { h.combine(s) }
        return h
    }

    @Test func aFreshHashIsTheFNVOffsetBasis() {
        #expect(StableHash().value == 0xCBF2_9CE4_8422_2325)  // FNV-1a 64 of ""
        #expect(StableHash().hex == "cbf29ce484222325")
    }

    @Test func stringsMixTheirBytesAndASeparator() {
        #expect(hash("").value == 0xAF63_D24C_8601_DB8E)  // fnv(b"\x1f")
        #expect(hash("a").value == 0x089B_E907_B544_FDC9)  // fnv(b"a\x1f")
        #expect(hash("foobar").value == 0x3453_2BA7_168B_A8B5)
        #expect(hash("grid/goto").value == 0xA12D_21A1_1D55_48AA)
    }

    @Test func numbersMixTheirEightBytesLittleEndFirst() {
        var int = StableHash()
        int.combine(UInt64(1))
        #expect(int.value == 0x89CD_3129_1D2A_EFA4)
        var double = StableHash()
        double.combine(1.5)
        #expect(double.value == 0xAA95_E932_29A2_7C80)
        var mixed = StableHash()
        mixed.combine("hello")
        mixed.combine(UInt64(7))
        mixed.combine(0.25)
        #expect(mixed.value == 0x3415_FD3B_B747_5902)
    }

    @Test func theSeparatorKeepsStringBoundaries() {
        #expect(hash("ab", "c").value == 0x0AB1_1B2F_87EF_04A1)
        #expect(hash("a", "bc").value == 0xCB31_B538_1B2A_17AB)
    }

    @Test func hexIsSixteenLowercaseDigitsWithLeadingZeros() {
        let h = hash("x200")
        #expect(h.value == 0x0A73_2BA4_F83D_85A8)
        #expect(h.hex == "0a732ba4f83d85a8")
        for text in ["", "a", "b", "ab", "x200", "grid/goto"] {
            let hex = hash(text).hex
            #expect(hex.count == 16)
            #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(UInt64(hex, radix: 16) == hash(text).value)
        }
    }

    static let base = Observation(text: "You see a wall.", status: "hp 3", mission: "reach the door",
                                  legalActions: ["go forward", "turn left"], feedback: "ok")

    @Test func anObservationHashesItsVisibleFieldsInOrder() {
        // fnv(b"You see a wall.\x1f" b"hp 3\x1f" b"reach the door\x1f" b"ok\x1f" b"go forward\x1f" b"turn left\x1f")
        var h = StableHash()
        h.combine(Self.base)
        #expect(h.value == 0x5DA0_BDB6_C445_2EC4)
    }

    @Test func anObservationHashIsSensitiveToEachField() {
        func hashed(_ change: (inout Observation) -> Void) -> UInt64 {
            var observation = Self.base
            change(&observation)
            var h = StableHash()
            h.combine(observation)
            return h.value
        }
        let values = [
            hashed { _ in },
            hashed { $0.text = "You see a door." },
            hashed { $0.status = "hp 2" },
            hashed { $0.mission = "reach the key" },
            hashed { $0.feedback = "bump" },
            hashed { $0.legalActions = ["turn left", "go forward"] },
            hashed { $0.legalActions.append("done") },
            hashed { $0.legalActions = ["go forward"] },
            // The same characters moved across a field boundary.
            hashed { $0.text = "You see a wall"; $0.status = ".hp 3" },
        ]
        #expect(Set(values).count == values.count)
    }

    @Test func theMapDoesNotChangeAnObservationHash() {
        // A golden hash must not depend on whether the map was asked for.
        var withMap = Self.base
        withMap.map = ["#####", "#@..#"]
        var a = StableHash(), b = StableHash()
        a.combine(Self.base)
        b.combine(withMap)
        #expect(a == b)
    }
}
