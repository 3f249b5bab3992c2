/// BALROG's NetHack progression (`balrog/environments/nle/achievements.json`,
/// scored by its `progress.py`): for each dungeon level and each experience
/// level, the share of human games that went on to win after reaching it, in
/// percent. Progress is the highest value reached by either, 100 for winning.
/// The `balrog` profile scores `dungeon/descend` with it; the `delve` profile
/// keeps `Progression`, the table fitted to the descend bot.
public enum BalrogProgression {
    /// Value of reaching dungeon levels 1...50 (BALROG's `Dlvl:1`...`Dlvl:50`, × 100, rounded to 6 digits).
    public static let depth: [Double] = [
        0, 1.53923, 1.75395, 2.12214, 2.64824, 3.54287, 4.8461, 6.95812, 9.77094, 12.5586,
        16.1268, 20.6129, 25.6604, 29.2472, 30.8812, 32.4907, 34.0079, 35.2646, 36.5488, 37.8957,
        39.2937, 40.8323, 42.5836, 44.5181, 46.6376, 50.6761, 55.4357, 60.1565, 64.6505, 69.1311,
        71.0109, 71.7646, 72.3212, 72.8441, 73.2776, 73.6853, 74.2146, 74.7132, 75.3731, 76.104,
        76.7408, 77.2534, 77.7163, 78.1257, 78.5899, 78.9026, 79.2972, 79.6741, 80.1847, 80.6796,
    ]
    /// Value of reaching experience levels 1...30 (BALROG's `Xp:1`...`Xp:30`, × 100, rounded to 6 digits).
    public static let experience: [Double] = [
        0, 1.84784, 2.08116, 2.41601, 2.9109, 3.68876, 5.07584, 7.4536, 11.705, 17.91,
        25.4804, 33.2649, 41.4426, 49.4039, 57.7882, 62.6122, 65.6282, 68.1022, 70.1533, 71.7449,
        72.8698, 73.71, 74.4345, 75.1345, 75.8554, 76.4215, 77.0338, 77.5981, 77.8335, 78.0456,
    ]

    /// Progress for the deepest level and the highest experience level reached; 100 for climbing out with the Amulet
    /// (BALROG's ascension). Levels outside the tables count as their nearest entry.
    public static func value(maxDepth: Int, experienceLevel: Int, won: Bool) -> Double {
        if won { return 100 }
        let d = depth[min(max(maxDepth, 1), depth.count) - 1]
        let x = experience[min(max(experienceLevel, 1), experience.count) - 1]
        return max(d, x)
    }
}
