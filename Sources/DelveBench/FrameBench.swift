import DelveCore
import DelveEval
import DelveFormats
import DelveImage

/// One visual task's frame cost: a line of `delve bench --frames --json`.
public struct FrameBenchResult: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// The view drawn.
    public var view: FrameView
    /// Frame width in pixels.
    public var width: Int
    /// Frame height in pixels.
    public var height: Int
    /// Median microseconds to draw one frame.
    public var renderMicros: Double
    /// Median microseconds to draw one frame and encode it as a base64 PNG
    /// image: what an observation with a picture costs.
    public var imageMicros: Double
    /// Mean size of the PNGs, in bytes (before base64).
    public var pngBytes: Int

    enum CodingKeys: String, CodingKey {
        case task, view, width, height
        case renderMicros = "render_us"
        case imageMicros = "image_us"
        case pngBytes = "png_bytes"
    }
}

/// Measures how long a visual task's frames take to draw and to encode, on
/// the calling thread, in the thread's CPU time (so that other processes on
/// a shared machine do not count): the median of `bench.repetitions` loops of
/// `bench.duration` over a fixed set of states reached by seeded random play
/// (sprites are painted before timing starts).
public struct FrameBench: Sendable {
    /// Timed loops per figure; the median is reported.
    public var bench: Bench
    /// States cycled through: the reset of seeds 0, 1, … and the states after
    /// `stepsBetween` random legal actions from each.
    public var states = 8
    /// Random actions between recorded states.
    public var stepsBetween = 10

    /// A frame bench with `bench`'s repetitions and loop length.
    public init(bench: Bench = Bench()) { self.bench = bench }

    /// Measures `task`'s frames for `request`; nil for a text task.
    public func measure(_ task: TaskSpec, request: FrameRequest = FrameRequest()) throws(WorldError) -> FrameBenchResult? {
        guard let worlds = try states(of: task) else { return nil }
        let encoder = PNGEncoder()
        var index = 0
        let render = medianMicros {
            _ = worlds[index % worlds.count].frame(request)
            index += 1
        }
        let image = medianMicros {
            _ = encoder.image(of: worlds[index % worlds.count].frame(request))
            index += 1
        }
        let frames = worlds.map { $0.frame(request) }
        let bytes = frames.reduce(0) { $0 + (PNG.encode($1)?.count ?? 0) } / max(1, frames.count)
        return FrameBenchResult(task: task.id, view: request.view, width: frames[0].width, height: frames[0].height,
                                renderMicros: render, imageMicros: image, pngBytes: bytes)
    }

    /// The median over `bench.repetitions` loops of CPU microseconds per call of `body`.
    private func medianMicros(_ body: () -> Void) -> Double {
        var results: [Double] = []
        for _ in 0..<bench.repetitions {
            let start = CPUTime.thread
            var calls = 0, elapsed = Duration.zero
            repeat {
                for _ in 0..<bench.batch { body() }
                calls += bench.batch
                elapsed = CPUTime.thread - start
            } while elapsed < bench.duration
            results.append(elapsed.seconds / Double(calls) * 1e6)
        }
        return results.median
    }

    /// The states frames are drawn from; nil when the task's world is not visual.
    private func states(of task: TaskSpec) throws(WorldError) -> [any VisualWorld]? {
        guard var world = task.make() as? any VisualWorld else { return nil }
        var random = SeededRandom(seed: Bench.actionSeed)
        var worlds: [any VisualWorld] = []
        var seed: UInt64 = 0
        while worlds.count < states {
            var actions = try world.reset(seed: seed, options: .defaults).legalActions
            worlds.append(world)
            for _ in 0..<stepsBetween where !actions.isEmpty {
                let result = world.step(actions[random.below(actions.count)])
                actions = result.terminated ? [] : result.observation.legalActions
            }
            worlds.append(world)
            seed += 1
        }
        return worlds
    }
}

/// Frame bench results drawn as a terminal table.
public struct FrameBenchReport: Sendable {
    /// The results, one per task.
    public var results: [FrameBenchResult]

    /// A report of `results`.
    public init(_ results: [FrameBenchResult]) { self.results = results }

    /// One row per task: size, microseconds to draw, to draw and encode, PNG size.
    public var table: String {
        TextTable(header: ["task", "view", "size", "render µs", "render+PNG µs", "PNG bytes"],
                  rows: results.map { r in
                      [r.task, r.view.rawValue, "\(r.width)×\(r.height)", Self.fixed(r.renderMicros), Self.fixed(r.imageMicros),
                       String(r.pngBytes)]
                  }).plain
    }

    /// The results as a JSON array.
    public func json() throws -> String {
        try JSONFormat.prettyText(results)
    }

    private static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return String(Double((value * 10).rounded()) / 10)
    }
}
