import ArgumentParser
import DelveCore
import DelveImage
import WorldCatalog

/// `delve render FAMILY/TASK --seed N --png FILE`: one frame of a world, as a PNG file.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw one frame of a world (after its reset, or after some expert steps) to a PNG file.",
        discussion: "The frame is the picture --observe image sends agents. Text worlds have no pictures.")

    @Argument(help: "The task, as FAMILY/TASK (e.g. grid/goto); a bare FAMILY draws its first task.")
    var task: String

    @Option(help: "The episode seed.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("The PNG file to write.", valueName: "file"))
    var png: String

    @Option(name: .customLong("tile-size"), help: FrameRequest.tileSizeHelp())
    var tileSize: Int?

    @Option(help: "agent (what the agent sees) or full (the whole map).")
    var view: FrameView = .agent

    @Option(name: .customLong("expert-steps"), help: ArgumentHelp("Play this many steps of the world's expert first (fewer if "
                                                                  + "the episode ends).", valueName: "steps"))
    var expertSteps = 0

    func validate() throws {
        try FrameRequest.validate(tileSize: tileSize)
        if expertSteps < 0 { throw ValidationError("--expert-steps must be at least 0, got \(expertSteps)") }
    }

    func run() throws {
        let spec = try Catalog.standard.task(named: task)
        guard var world = spec.make() as? any VisualWorld else {
            throw UsageError("\(spec.id) has no picture: its family is text only; "
                             + "families with pictures: \(Catalog.standard.visualFamilies.joined(separator: ", "))")
        }
        do { _ = try world.reset(seed: seed, options: .defaults) } catch { throw UsageError(error) }
        for _ in 0..<expertSteps {
            guard let action = world.expertAction() else { break }
            _ = world.step(action)
        }
        let frame = world.frame(FrameRequest(view: view, tileSize: tileSize))
        do { try PNGFile.write(frame, to: png) } catch { throw UsageError(error) }
        print("\(png): \(frame.width)×\(frame.height), \(spec.id) seed \(seed), \(view.rawValue) view")
    }
}

extension FrameRequest {
    /// `--tile-size`'s help, for `delve render` and `delve eval` (which puts `lead` first).
    static func tileSizeHelp(_ lead: String = "") -> ArgumentHelp {
        ArgumentHelp(lead + "Pixels along a cell's side, \(tileSizes.lowerBound) to \(tileSizes.upperBound). Default: the "
                     + "family's, a picture about \(defaultSide) pixels across.", valueName: "pixels")
    }

    /// Refuses a `--tile-size` outside `tileSizes`.
    static func validate(tileSize: Int?) throws {
        if let tileSize, !tileSizes.contains(tileSize) {
            throw ValidationError("--tile-size must be from \(tileSizes.lowerBound) to \(tileSizes.upperBound), got \(tileSize)")
        }
    }
}

extension FrameView: ExpressibleByArgument {
    /// The views' names, for `--help` and for errors.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
