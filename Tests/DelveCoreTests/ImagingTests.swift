import DelveCore
import DelveFormats
import Foundation
import Testing

/// A `CounterWorld` with a picture: a frame as wide as the count, in one color.
struct PicturedCounter: VisualWorld {
    var inner = CounterWorld()
    var taskID: String { inner.taskID }
    var revision: Int { inner.revision }
    var observation: Observation { inner.observation }
    var legalActions: [String] { inner.legalActions }
    var defaultAction: String { inner.defaultAction }
    var instructions: String { inner.instructions }
    var milestones: [Milestone] { inner.milestones }
    var progress: Double { inner.progress }
    var stepBudget: Int { inner.stepBudget }
    mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation { try inner.reset(seed: seed, options: options) }
    mutating func step(_ action: String) -> StepResult { inner.step(action) }
    var map: CellMap { inner.map }
    func expertAction() -> String? { inner.expertAction() }

    func frame(_ request: FrameRequest) -> Frame {
        Frame(width: 1 + Int(inner.progress / 10), height: request.tileSize(across: 1), palette: Palette([.white]))
    }
}

/// An encoder that says what it was given, so tests can see which frame went where.
struct DescribingEncoder: FrameEncoder {
    func image(of frame: Frame) -> ObservationImage {
        ObservationImage(data: "frame \(frame.width)x\(frame.height)", width: frame.width, height: frame.height)
    }
}

@Suite struct ImagingTests {
    func env(_ world: any World, imaging: Imaging?) -> Env {
        var env = Env(task: TaskSpec(family: "count", name: "walk", summary: "", revision: 1, stepBudget: 6, options: CounterWorld.options,
                                     make: { world }))
        env.imaging = imaging
        return env
    }

    @Test func withoutImagingObservationsHaveNoImageAndEncodeAsBefore() throws {
        var env = env(PicturedCounter(), imaging: nil)
        let observation = try env.reset(seed: 1)
        #expect(observation.image == nil)
        var json = JSONOutput()
        observation.write(to: &json)
        #expect(!String(decoding: json.bytes, as: UTF8.self).contains("image"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(json.bytes == Array(try encoder.encode(observation)))
    }

    @Test func bothModeAddsThePictureToEveryObservation() throws {
        var env = env(PicturedCounter(), imaging: Imaging(request: FrameRequest(tileSize: 9), encoder: DescribingEncoder(), mode: .both))
        let first = try env.reset(seed: 1)
        #expect(first.image == ObservationImage(data: "frame 1x9", width: 1, height: 9))
        #expect(first.text == "A corridor of 3 tiles.")
        let step = try env.step("forward")
        #expect(step.observation.image?.width == 4)  // a third of the way: the frame follows the state
        #expect(env.observation.image == step.observation.image)
        // The picture is not part of what golden hashes pin.
        var with = StableHash(), without = StableHash()
        with.combine(step.observation)
        var bare = step.observation
        bare.image = nil
        without.combine(bare)
        #expect(with == without)
    }

    @Test func imageModeLeavesTheTextDescriptionOut() throws {
        var env = env(PicturedCounter(), imaging: Imaging(encoder: DescribingEncoder(), mode: .image))
        let observation = try env.reset(seed: 1)
        #expect(observation.text.isEmpty && observation.image != nil)
        #expect(observation.feedback == "You stand at 0 of 3." && observation.legalActions == CounterWorld.actions)
    }

    @Test func worldsWithoutPicturesKeepTheirText() throws {
        var env = env(CounterWorld(), imaging: Imaging(encoder: DescribingEncoder(), mode: .image))
        let observation = try env.reset(seed: 1)
        #expect(observation.image == nil && observation.text == "A corridor of 3 tiles.")
    }

    @Test func anObservationWithAnImageWritesWhatJSONEncoderWrites() throws {
        var observation = Observation(text: "t", status: "s", mission: "m", legalActions: ["a"], feedback: "f", map: ["#"])
        observation.image = ObservationImage(data: "iVBORw0KGgo=", width: 2, height: 3)
        var json = JSONOutput()
        observation.write(to: &json)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(json.bytes == Array(try encoder.encode(observation)))
        #expect(try JSONDecoder().decode(Observation.self, from: Data(json.bytes)) == observation)
        #expect(observation.image?.dataURL == "data:image/png;base64,iVBORw0KGgo=")
    }

    @Test func requestsClampTheTileSizeAndDefaultToAbout256Pixels() {
        #expect(FrameRequest().tileSize(across: 7) == 36)
        #expect(FrameRequest().tileSize(across: 9) == 28)
        #expect(FrameRequest().tileSize(across: 200) == FrameRequest.tileSizes.lowerBound)
        #expect(FrameRequest(tileSize: 500).tileSize(across: 7) == FrameRequest.tileSizes.upperBound)
    }

    @Test func palettesKeepTheRequiredAndTheMostFrequentColors() {
        var pixels: [UInt8] = []
        for value in 0..<300 { pixels += [UInt8(value % 256), UInt8(value / 256), 7] }
        pixels += Array(repeating: [1, 0, 7], count: 5).flatMap { $0 }
        let palette = Palette(quantizing: pixels, required: [.white])
        #expect(palette.colors.count == Palette.capacity)
        #expect(palette.colors[0] == .white && palette.colors[1] == RGB(1, 0, 7))  // required, then the most frequent
        // Colors seen once tie, and the smaller values win: (250, 0, 7) lost its place and is drawn as its nearest.
        let lost = RGB(250, 0, 7)
        #expect(palette.colors.contains(RGB(0, 0, 7)) && !palette.colors.contains(lost))
        func distance(_ a: RGB, _ b: RGB) -> Int {
            [(a.r, b.r), (a.g, b.g), (a.b, b.b)].reduce(0) { $0 + (Int($1.0) - Int($1.1)) * (Int($1.0) - Int($1.1)) }
        }
        let drawn = palette[palette.index(of: lost)]
        #expect(palette.colors.allSatisfy { distance($0, lost) >= distance(drawn, lost) })
    }
}
