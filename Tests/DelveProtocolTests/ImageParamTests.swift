import DelveCore
import DelveFormats
import DelveProtocol
import Foundation
import Testing

/// `env/reset`'s `image` param: pictures in observations, only when asked for.
@Suite struct ImageParamTests {
    /// The observation's image of a result, checked to be a PNG of the given size.
    func image(_ result: JSONValue?, width: Int, height: Int) throws -> [UInt8] {
        let image = try #require(result?["observation"]?["image"], "no image in \(String(describing: result))")
        #expect(image["width"] == .int(width) && image["height"] == .int(height) && image["mime"] == .string("image/png"))
        let data = try #require(image["data"]?.stringValue)
        let png = Array(try #require(Data(base64Encoded: data)))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, after the signature, length and type.
        #expect(png[16..<24].reduce(0) { $0 << 8 | Int($1) } == width << 32 | height)
        return png
    }

    @Test func imageTrueGivesTheAgentsViewOnResetStepAndRestore() throws {
        var harness = ServerHarness()
        let reset = try harness.result("env/reset", #"{"task":"grid/goto","seed":7,"image":true}"#)
        let first = try image(reset, width: 252, height: 252)
        #expect(reset["observation"]?["text"]?.stringValue?.isEmpty == false)  // the words stay
        let token = try #require(try harness.result("env/snapshot", #"{"env":"env-1"}"#)["token"]?.stringValue)
        let step = try harness.result("env/step", #"{"env":"env-1","action":"turn left"}"#)
        #expect(try image(step, width: 252, height: 252) != first)  // the view turned
        let restored = try harness.result("env/restore", #"{"env":"env-1","token":"\#(token)"}"#)
        #expect(try image(restored, width: 252, height: 252) == first)
    }

    @Test func anObjectChoosesTheViewAndTileSize() throws {
        var harness = ServerHarness()
        let full = try harness.result("env/reset", #"{"task":"grid/goto","seed":7,"options":{"room_size":6,"distractors":2},"image":{"view":"full","tile_size":5}}"#)
        _ = try image(full, width: 30, height: 30)
        let craft = try harness.result("env/reset", #"{"task":"craft/balrog","seed":1,"image":{"tile_size":10}}"#)
        _ = try image(craft, width: 90, height: 90)
        let rules = try harness.result("env/reset", #"{"task":"rules/goto_win","seed":1,"image":{}}"#)
        _ = try image(rules, width: 256, height: 256)
    }

    @Test func imagesStayForLaterResetsUntilTurnedOff() throws {
        var harness = ServerHarness()
        _ = try harness.result("env/reset", #"{"task":"grid/goto","seed":7,"image":true}"#)
        let again = try harness.result("env/reset", #"{"env":"env-1","task":"craft/balrog","seed":2}"#)
        _ = try image(again, width: 252, height: 252)
        let off = try harness.result("env/reset", #"{"env":"env-1","seed":3,"image":false}"#)
        #expect(off["observation"]?["image"] == nil)
        let step = try harness.result("env/step", #"{"env":"env-1","action":"noop"}"#)
        #expect(step["observation"]?["image"] == nil)
    }

    @Test func withoutTheParamTheAnswerIsByteForByteAsBefore() {
        ServerHarness.expectOffByDefault("image")
    }

    @Test(arguments: [
        (#"{"task":"text/cooking","image":true}"#, "text/cooking has no picture: its family is text only; families with pictures: grid, craft, rules, dungeon"),
        (#"{"task":"grid/goto","image":{"view":"side"}}"#, #"unknown view "side" in param "image"; valid views: agent, full"#),
        (#"{"task":"grid/goto","image":{"tile_size":2}}"#, #"param "tile_size" must be a whole number from 4 to 64, not 2"#),
        (#"{"task":"grid/goto","image":{"size":8}}"#, #"unknown field "size" in param "image"; valid fields: tile_size, view"#),
        (#"{"task":"grid/goto","image":"yes"}"#, #"param "image" must be a boolean or an object, not string"#),
    ])
    func badImageParamsAreInvalidParams(params: String, message: String) throws {
        var harness = ServerHarness()
        let error = try #require(try harness.call("env/reset", params)["error"])
        #expect(error["code"] == .int(RPCErrorCode.invalidParams.rawValue))
        #expect(error["message"] == .string(message))
        #expect(try harness.reset() == "env-1")  // no env was made
    }

    @Test func worldsListSaysWhichFamiliesHavePictures() throws {
        var harness = ServerHarness()
        let families = try #require(try harness.result("worlds/list")["families"]?.arrayValue)
        let images = families.compactMap { family -> String? in
            guard case let .string(name)? = family["family"], case let .bool(images)? = family["images"] else { return nil }
            return "\(name): \(images)"
        }
        #expect(images == ["grid: true", "craft: true", "text: false", "rules: true", "dungeon: true"])
    }
}
