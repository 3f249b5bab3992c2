import Foundation

/// The play prompt's persistent history: one line per entry, oldest first, in
/// `$XDG_DATA_HOME/delve/history` (by default `~/.local/share/delve/history`).
///
/// Empty lines and a line equal to the one before are not recorded, and the
/// file keeps only the newest `capacity` lines.
public struct HistoryFile: Sendable {
    /// How many lines the file keeps by default.
    public static let defaultCapacity = 1000

    /// Where the history lives.
    public let url: URL
    /// How many lines the file keeps.
    public let capacity: Int
    /// The entries, oldest first.
    public private(set) var entries: [String]

    /// The history file for this environment: under `XDG_DATA_HOME` when it is
    /// an absolute path, else under `HOME/.local/share`; nil when neither is set.
    public static func defaultURL(environment: [String: String]) -> URL? {
        let base: URL
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = URL(fileURLWithPath: data, isDirectory: true)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        } else {
            return nil
        }
        return base.appendingPathComponent("delve", isDirectory: true).appendingPathComponent("history")
    }

    /// The history at `url`, with its existing entries loaded (none when the
    /// file does not exist or cannot be read).
    public init(url: URL, capacity: Int = HistoryFile.defaultCapacity) {
        self.url = url
        self.capacity = max(1, capacity)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        entries = Array(text.split(separator: "\n").map(String.init).suffix(self.capacity))
    }

    /// Records `line`, creating the file and its folders when needed.
    ///
    /// - Returns: false when the line was not recorded: it is empty or repeats the last entry.
    /// - Throws: the file system's error when the file cannot be written.
    @discardableResult
    public mutating func record(_ line: String) throws -> Bool {
        guard !line.isEmpty, !line.contains("\n"), line != entries.last else { return false }
        entries.append(line)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
            try Data(entries.map { $0 + "\n" }.joined().utf8).write(to: url, options: .atomic)
        } else {
            try append(line + "\n")
        }
        return true
    }

    /// Appends to the file, so that two sessions at once both keep their lines.
    private func append(_ text: String) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try Data(text.utf8).write(to: url)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
