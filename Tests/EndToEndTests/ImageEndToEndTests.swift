import Foundation
import Testing

/// Pictures as a user gets them: `delve render`, `delve play --image`, `delve eval --observe`, the report's frames.
@Suite struct ImageEndToEndTests {
    /// A PNG file's width, height and color type, read from its IHDR chunk.
    static func header(_ png: Data) throws -> (width: Int, height: Int, colorType: UInt8) {
        let bytes = [UInt8](png)
        try #require(bytes.count > 33 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        try #require(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20), bytes[25])
    }

    @Test(arguments: [(["grid/goto"], 252, 252), (["craft", "--view", "full"], 256, 256), (["rules/goto_win", "--tile-size", "10"], 80, 80)])
    func renderWritesOneFrame(arguments: [String], width: Int, height: Int) throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["render"] + arguments + ["--seed", "3", "--png", "frame.png"], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("frame.png: \(width)×\(height), "))
        let header = try Self.header(Data(contentsOf: dir.appendingPathComponent("frame.png")))
        #expect(header.width == width && header.height == height && header.colorType == 3)
    }

    @Test(arguments: [(["text/cooking"], "text/cooking has no picture"), (["grid/goto", "--tile-size", "2"], "--tile-size must be from 4 to 64"),
                      (["grid/goto", "--view", "side"], "side")])
    func renderRefusesWhatItCannotDraw(arguments: [String], message: String) throws {
        let run = try DelveBinary.run(["render"] + arguments + ["--png", "/nonexistent/x.png"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message) && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func playKeepsTheImageFileOnTheCurrentFrame() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("view.png")
        let start = try DelveBinary.run(["play", "grid/goto", "--seed", "7", "--image", png.path], input: "")
        #expect(start.status == 0, "\(start.stderr)")
        let first = try Data(contentsOf: png)
        #expect(try Self.header(first).width == 252)
        let turned = try DelveBinary.run(["play", "grid/goto", "--seed", "7", "--image", png.path], input: "turn left\n")
        #expect(turned.status == 0)
        #expect(try Data(contentsOf: png) != first, "the file shows the view after the turn")
        let text = try DelveBinary.run(["play", "text/cooking", "--image", png.path], input: "")
        #expect(text.status == 2 && text.stderr.contains("text/cooking has no picture for --image"))
    }

    /// `--image-view` and `--tile-size` reach the trajectory and run.json; shards
    /// drawn at other sizes do not merge, and a resume keeps the run's own.
    @Test func evalDrawsTheAskedPictureAndKeepsToIt() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let eval = ["eval", "--task", "grid/goto", "--episodes", "2", "--observe", "image"]
        let full = try DelveBinary.run(eval + ["--image-view", "full", "--tile-size", "8", "--shard", "1/2", "--run-id", "p1"],
                                       directory: dir)
        #expect(full.status == 0, "\(full.stderr)")
        let info = try JSONFiles.object(dir.appendingPathComponent("runs/p1/run.json"))
        let frame = try #require(info["frame"] as? [String: Any])
        #expect(frame["view"] as? String == "full" && frame["tile_size"] as? Int == 8 && frame.count == 2)
        let steps = try JSONFiles.lines(dir.appendingPathComponent("runs/p1/trajectories/grid/goto/seed-\(1_000_000).jsonl"))
        let image = try #require((steps.first?["observation"] as? [String: Any])?["image"] as? [String: Any])
        #expect(image["width"] as? Int == 64 && image["height"] as? Int == 64)

        let plain = try DelveBinary.run(eval + ["--shard", "2/2", "--run-id", "p2"], directory: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        let merge = try DelveBinary.run(["merge", "runs/p1", "runs/p2", "--out", "runs/merged"], directory: dir)
        #expect(merge.status == 2 && merge.stderr.contains("pictures --image-view full --tile-size 8 vs --image-view agent"),
                "\(merge.stderr)")
        let resume = try DelveBinary.run(["eval", "--resume", "runs/p1", "--tile-size", "16"], directory: dir)
        #expect(resume.status == 2 && resume.stderr.contains("drop --tile-size"), "\(resume.stderr)")
    }

    @Test func evalObservesPicturesRecordsThemAndTheReportShowsThem() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try DelveBinary.run(["eval", "--task", "rules/goto_win", "--episodes", "1", "--agent", "expert", "--observe", "image",
                                       "--run-id", "r"], directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let info = try JSONFiles.object(dir.appendingPathComponent("runs/r/run.json"))
        #expect(info["observe"] as? String == "image")
        let steps = try JSONFiles.lines(dir.appendingPathComponent("runs/r/trajectories/rules/goto_win/seed-\(1_000_000).jsonl"))
        #expect(!steps.isEmpty)
        for step in steps {
            let observation = try #require(step["observation"] as? [String: Any])
            let image = try #require(observation["image"] as? [String: Any])
            #expect(image["width"] as? Int == 256 && image["mime"] as? String == "image/png")
            let data = try #require(image["data"] as? String)
            let png = try #require(Data(base64Encoded: data))
            #expect(try Self.header(png).width == 256)
            #expect(observation["text"] as? String == "")
        }
        let bad = try DelveBinary.run(["eval", "--observe", "pictures"], directory: dir)
        #expect(bad.status == 2 && bad.stderr.contains("'text', 'image' or 'both'"), "\(bad.stderr)")
        let alone = try DelveBinary.run(["eval", "--tile-size", "8"], directory: dir)
        #expect(alone.status == 2 && alone.stderr.contains("--image-view and --tile-size go with --observe image or both"), "\(alone.stderr)")
        let huge = try DelveBinary.run(["eval", "--observe", "both", "--tile-size", "99"], directory: dir)
        #expect(huge.status == 2 && huge.stderr.contains("--tile-size must be from 4 to 64, got 99"), "\(huge.stderr)")

        guard HeadlessChromium.isInstalled else { return }
        let made = try DelveBinary.run(["report", "runs/r"], directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let opened = try HeadlessChromium.dom(dir.appendingPathComponent("runs/r/report.html"), fragment: "selftest", scratch: dir)
        let dom = PageDOM(html: opened.stdout)
        #expect(dom.bodyAttribute("data-errors") == "0", "\(dom.bodyAttribute("data-error-text") ?? "")")
        let frame = try #require(dom.element(id: "frame"), "no frame in the episode browser")
        #expect(PageDOM.attribute("src", in: frame.attributes)?.hasPrefix("data:image/png;base64,iVBORw0KGgo") == true, "\(frame.attributes.prefix(200))")
        #expect(PageDOM.attribute("width", in: frame.attributes) == "256")
    }

    @Test func worldsSaysWhichFamiliesArePictured() throws {
        let run = try DelveBinary.run(["worlds"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for (family, pictured) in [("grid", true), ("craft", true), ("text", false), ("rules", true), ("dungeon", true)] {
            let header = try #require(lines.firstIndex { $0.hasPrefix("\(family) (revision ") })
            #expect(lines[header + 1] == (pictured ? "  observations: text, and pictures with --observe image|both" : "  observations: text only (no pictures)"))
        }
        let json = try DelveBinary.run(["worlds", "--json"])
        let families = try #require(try JSONFiles.value(json.stdout) as? [[String: Any]])
        #expect(families.map { $0["images"] as? Bool } == [true, true, false, true, true])
    }
}
