import DelveCore
import DelveFormats
import DelveProtocol
import Foundation
import Testing

/// Seeded malformed input through the line framer and the in-process
/// dispatcher: nothing may crash or hang, every line that owes a response
/// gets exactly one line back, and memory stays flat. The byte stream is cut
/// into chunks of random sizes, as reads from a socket would cut it.
///
/// 100,000 lines by default; `DELVE_FUZZ_LINES=1000000 swift test --filter
/// FuzzTests` runs the million-line fuzz (figures in docs/protocol.md).
@Suite struct FuzzTests {
    static let lines = ProcessInfo.processInfo.environment["DELVE_FUZZ_LINES"].flatMap { Int($0) } ?? 100_000
    static let maximumLineBytes = 4096

    @Test func malformedLinesAreAllAnswered() throws {
        var random = SeededRandom(seed: 0xDE17E)
        var harness = ServerHarness(limits: ServerLimits(maximumLineBytes: Self.maximumLineBytes, maximumEnvs: 8, maximumSnapshots: 8))
        _ = try harness.reset()
        var framer = LineFramer(maximumLineBytes: Self.maximumLineBytes)
        var stream: [UInt8] = []
        var owed: [Int] = []
        var answered = 0, overlong = 0
        var residentAtWarmUp = 0
        for count in 1...Self.lines {
            let line = MalformedLines.next(&random)
            owed.append(line.count > Self.maximumLineBytes ? 1 : Self.answersOwed(line))
            stream += line + [UInt8(ascii: "\n")]
            // Feed the stream in chunks of random sizes once enough has built up, and at the end.
            guard stream.count > 8192 || count == Self.lines else { continue }
            var fed = stream[...]
            while !fed.isEmpty {
                let chunk = fed.prefix(random.int(in: 1...4096))
                fed = fed.dropFirst(chunk.count)
                for frame in framer.push(chunk) {
                    let expected = owed.removeFirst()
                    if case .overlong = frame { overlong += 1 }
                    guard let response = harness.server.handle(frame) else {
                        #expect(expected == 0, "no response to a line owed one")
                        continue
                    }
                    answered += 1
                    #expect(!response.contains("\n"))
                    let parsed = try JSONParser.parse(Array(response.utf8))
                    if case let .array(responses) = parsed {
                        #expect(responses.count == expected)
                    } else {
                        #expect(expected == 1)
                    }
                }
            }
            stream.removeAll(keepingCapacity: true)
            if residentAtWarmUp == 0 && count >= Self.lines / 10 { residentAtWarmUp = Self.residentBytes() }
        }
        #expect(owed.isEmpty && framer.finish() == nil)
        #expect(answered > Self.lines / 2)
        #expect(overlong > 0)
        let growth = Self.residentBytes() - residentAtWarmUp
        print("fuzz: \(Self.lines) lines, \(answered) answered, \(overlong) over-long; resident memory \(residentAtWarmUp >> 20) MiB "
              + "after the first 10%, \(growth >> 10) KiB more at the end")
        // Resident memory is the whole process's: in `swift test` other suites run beside this one and
        // allocate too, so only the dedicated run (DELVE_FUZZ_LINES set) holds it to a bound.
        if ProcessInfo.processInfo.environment["DELVE_FUZZ_LINES"] != nil {
            #expect(growth < 32 << 20, "resident memory grew by \(growth >> 20) MiB")
        }
    }

    /// The process's resident memory, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// How many responses JSON-RPC 2.0 owes for `line`: one for anything but
    /// a valid notification; for a non-empty batch, one per element that is not one.
    static func answersOwed(_ line: [UInt8]) -> Int {
        guard let message = try? JSONParser.parse(line) else { return 1 }
        func isNotification(_ value: JSONValue) -> Bool {
            guard case let .object(members) = value, members["id"] == nil, members["jsonrpc"] == .string("2.0"),
                  case .string? = members["method"] else { return false }
            return true
        }
        guard case let .array(batch) = message, !batch.isEmpty else { return isNotification(message) ? 0 : 1 }
        return batch.filter { !isNotification($0) }.count
    }
}

/// A seeded generator of malformed, truncated, deeply nested, huge-number,
/// invalid-UTF-8 and type-confused request lines.
enum MalformedLines {
    static let methods = Server.methods + ["env/fly", "", "ENV/STEP"]
    static let valid = [
        #"{"jsonrpc":"2.0","id":1,"method":"env/step","params":{"env":"env-1","action":"turn left"}}"#,
        #"{"jsonrpc":"2.0","id":"r","method":"env/reset","params":{"task":"grid/goto","seed":3}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"env/snapshot","params":{"env":"env-1"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"env/render","params":{"env":"env-1","style":"ansi"}}"#,
        #"[{"jsonrpc":"2.0","id":4,"method":"env/legal_actions","params":{"env":"env-1"}},{"jsonrpc":"2.0","method":"env/close","params":{"env":"env-2"}}]"#,
    ]
    static let hugeNumbers = ["1e999", "-1e999", "123456789012345678901234567890", "1e-999", "-0.0", "9223372036854775808",
                              "1" + String(repeating: "0", count: 400)]

    static func next(_ random: inout SeededRandom) -> [UInt8] {
        if random.below(1024) == 0 { return overlong(&random) }
        switch random.below(8) {
        case 0: return truncated(&random)
        case 1: return mutated(&random)
        case 2: return randomBytes(&random)
        case 3: return deeplyNested(&random)
        case 4: return Array(typeConfused(&random).utf8)
        case 5: return Array(#"{"jsonrpc":"2.0","id":\#(random.pick(hugeNumbers)),"method":"env/step","params":{"env":"env-1","action":\#(random.pick(hugeNumbers))}}"#.utf8)
        case 6: return batch(&random)
        default: return invalidUTF8(&random)
        }
    }

    /// A request longer than `FuzzTests.maximumLineBytes`.
    static func overlong(_ random: inout SeededRandom) -> [UInt8] {
        let action = String(repeating: "go forward ", count: random.int(in: 400...800))
        return Array(#"{"jsonrpc":"2.0","id":9,"method":"env/step","params":{"env":"env-1","action":"\#(action)"}}"#.utf8)
    }

    static func truncated(_ random: inout SeededRandom) -> [UInt8] {
        let line = Array(random.pick(valid).utf8)
        return Array(line.prefix(random.below(line.count)))
    }

    static func mutated(_ random: inout SeededRandom) -> [UInt8] {
        var line = Array(random.pick(valid).utf8)
        for _ in 0..<random.int(in: 1...4) {
            let at = random.below(line.count)
            switch random.below(3) {
            case 0: line[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: line.remove(at: at)
            default: line.insert(random.pick(Array("{}[]\":,\\0-eE.".utf8)), at: at)
            }
            if line.isEmpty { break }
        }
        return line.filter { $0 != UInt8(ascii: "\n") }
    }

    static func randomBytes(_ random: inout SeededRandom) -> [UInt8] {
        (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }.filter { $0 != UInt8(ascii: "\n") }
    }

    static func deeplyNested(_ random: inout SeededRandom) -> [UInt8] {
        let depth = random.int(in: 1...400)
        let open = random.chance(0.5) ? "[" : #"{"a":"#
        let close = open == "[" ? "]" : "}"
        let inner = String(repeating: open, count: depth) + "1" + String(repeating: close, count: random.chance(0.8) ? depth : depth / 2)
        if random.chance(0.5) { return Array(inner.utf8) }
        return Array(#"{"jsonrpc":"2.0","id":5,"method":"env/reset","params":{"task":"grid/goto","options":{"o":\#(inner)}}}"#.utf8)
    }

    /// A JSON value of a random type, to put where another type belongs.
    static func anyValue(_ random: inout SeededRandom) -> String {
        random.pick(["null", "true", "false", "0", "-1", "2.5", #""""#, #""env-1""#, #""grid/goto""#, "[]", "{}", "[1,\"a\"]",
                     #"{"env":"env-1"}"#, random.pick(hugeNumbers)])
    }

    static func typeConfused(_ random: inout SeededRandom) -> String {
        var members = [
            #""jsonrpc":\#(random.chance(0.8) ? #""2.0""# : anyValue(&random))"#,
            #""method":\#(random.chance(0.7) ? #""\#(random.pick(methods))""# : anyValue(&random))"#,
        ]
        if random.chance(0.8) { members.append(#""id":\#(random.chance(0.6) ? String(random.below(100)) : anyValue(&random))"#) }
        if random.chance(0.8) {
            let keys = ["env", "action", "task", "world", "seed", "options", "style", "token", "map", "step_budget", "protocol_version"]
            let params = (0..<random.below(4)).map { _ in #""\#(random.pick(keys))":\#(anyValue(&random))"# }
            members.append(#""params":\#(random.chance(0.8) ? "{" + params.joined(separator: ",") + "}" : anyValue(&random))"#)
        }
        random.shuffle(&members)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func batch(_ random: inout SeededRandom) -> [UInt8] {
        let elements = (0..<random.below(6)).map { _ in random.chance(0.5) ? typeConfused(&random) : anyValue(&random) }
        return Array(("[" + elements.joined(separator: ",") + "]").utf8)
    }

    static func invalidUTF8(_ random: inout SeededRandom) -> [UInt8] {
        var line = Array(random.pick(valid).utf8)
        let bad: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]]
        line.insert(contentsOf: random.pick(bad), at: random.below(line.count))
        return line
    }
}
