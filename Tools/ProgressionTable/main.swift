// Regenerates the dungeon's progression table (Worlds/Dungeon/ProgressionTable.swift) from runs of the
// descend bot, and prints the run's figures beside it (docs/scoring.md, "The progression table").
//
//     swift run -c release progression-table 300 > /tmp/table.txt
//
// plays training seeds 0..<300 and prints the figures, then the table's Swift source to paste.
import DelveCore
import DungeonWorld
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let count = arguments.first.flatMap({ Int($0) }), count > 0 else {
    FileHandle.standardError.write(Data("usage: progression-table RUNS (training seeds 0..<RUNS; the shipped table used 300)\n".utf8))
    exit(2)
}

var runs: [ProgressionEstimator.Run] = []
var steps = 0, deaths = 0, otherEnds = 0
var progress = 0.0
for seed in 0..<UInt64(count) {
    let played = try BotRun(seed: seed)
    runs.append(played.run)
    steps += played.steps
    progress += played.progress
    if played.end == .death { deaths += 1 } else { otherEnds += 1 }
    if seed % 50 == 49 { FileHandle.standardError.write(Data("seed \(seed) played\n".utf8)) }
}
let depths = runs.map(\.maxDepth), levels = runs.map(\.depthAtLevel.count)
let n = Double(count)
let mean = Double(depths.reduce(0, +)) / n
let sd = (depths.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / n).squareRoot()
print("runs \(count): mean max depth \(mean) (sd \(sd), median \(depths.sorted()[count / 2]), max \(depths.max() ?? 0)); "
    + "mean XL \(Double(levels.reduce(0, +)) / n); mean steps \(Double(steps) / n); "
    + "deaths \(deaths), other ends \(otherEnds); mean progress under the shipped table \(progress / n)")
for depth in 1...(depths.max() ?? 1) { print("depth \(depth): reached by \(depths.filter { $0 >= depth }.count)") }
for level in 1...(levels.max() ?? 1) { print("XL \(level): reached by \(levels.filter { $0 >= level }.count)") }
print(ProgressionEstimator.source(ProgressionEstimator.estimate(runs)))
