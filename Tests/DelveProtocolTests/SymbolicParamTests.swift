import DelveCore
import DelveFormats
import DelveProtocol
import Foundation
import Testing

/// `env/reset`'s `symbolic` param: each family's arrays in observations, only when asked for.
@Suite struct SymbolicParamTests {
    /// The observation's symbolic arrays of a result: name to (shape, data).
    func arrays(_ result: JSONValue?) throws -> [String: (shape: [Int], data: [Int])] {
        guard case let .object(object)? = result?["observation"]?["symbolic"] else {
            Issue.record("no symbolic arrays in \(String(describing: result))")
            return [:]
        }
        var found: [String: (shape: [Int], data: [Int])] = [:]
        for member in object.members {
            let name = member.key, array = member.value
            let shape = try #require(array["shape"]?.arrayValue).compactMap(\.intValue)
            let data = try #require(array["data"]?.arrayValue).compactMap(\.intValue)
            #expect(shape.reduce(1, *) == data.count, "\(name): \(data.count) values for shape \(shape)")
            found[name] = (shape, data)
        }
        return found
    }

    @Test func eachFamilyWithPicturesHasItsArrays() throws {
        var harness = ServerHarness()
        let shapes: [(String, [String: [Int]])] = [
            ("grid/goto", ["image": [7, 7, 3], "direction": [1]]),
            ("craft/balrog", ["local_view": [9, 7], "inventory": [16]]),
            ("rules/goto_win", ["cells": [8, 8, 16]]),
            ("dungeon/corridor", ["chars": [21, 80]]),
        ]
        for (task, expected) in shapes {
            let reset = try harness.result("env/reset", #"{"task":"\#(task)","seed":3,"symbolic":true}"#)
            #expect(try arrays(reset).mapValues(\.shape) == expected, "\(task)")
        }
        let text = try harness.result("env/reset", #"{"task":"text/cooking","seed":3,"symbolic":true}"#)
        #expect(text["observation"]?["symbolic"] == nil)
    }

    @Test func theGridViewIsMiniGridsEncodingAndFollowsSteps() throws {
        var harness = ServerHarness()
        // docs/protocol.md's example: a wall 1 step right, a green box 2 steps left, a grey box 2 steps forward.
        let reset = try harness.result("env/reset", #"{"task":"grid/goto","seed":7,"options":{"room_size":5,"distractors":1},"symbolic":true}"#)
        let image = try #require(try arrays(reset)["image"]).data
        func cell(_ column: Int, _ row: Int) -> [Int] { Array(image[(column * 7 + row) * 3..<(column * 7 + row) * 3 + 3]) }
        #expect(cell(4, 6) == [2, 5, 0] && cell(1, 6) == [7, 1, 0] && cell(3, 4) == [7, 5, 0])
        #expect(cell(3, 6) == [1, 0, 0])  // the agent's cell shows what it carries: nothing
        let direction = try #require(try arrays(reset)["direction"]).data[0]
        let step = try harness.result("env/step", #"{"env":"env-1","action":"turn left"}"#)
        #expect(try arrays(step)["direction"]?.data == [(direction + 3) % 4])
    }

    @Test func arraysStayForLaterResetsUntilTurnedOff() throws {
        var harness = ServerHarness()
        _ = try harness.result("env/reset", #"{"task":"grid/goto","seed":7,"symbolic":true}"#)
        let again = try harness.result("env/reset", #"{"env":"env-1","task":"craft/balrog","seed":2}"#)
        #expect(try arrays(again)["inventory"]?.data.prefix(4) == [9, 9, 9, 9])
        let off = try harness.result("env/reset", #"{"env":"env-1","seed":3,"symbolic":false}"#)
        #expect(off["observation"]?["symbolic"] == nil)
    }

    @Test func withoutTheParamTheAnswerIsByteForByteAsBefore() {
        ServerHarness.expectOffByDefault("symbolic")
    }
}
