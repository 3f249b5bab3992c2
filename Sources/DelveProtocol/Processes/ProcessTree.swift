import CChildProcess
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processes descended from one process, found through /proc (Linux):
/// how Delve ends everything an agent started, whatever process group or
/// session it moved to (docs/protocol.md, "Processes").
public enum ProcessTree {
    /// Makes this process the subreaper of its descendants, so that one whose
    /// parent exited is reparented here instead of to init and stays a
    /// descendant that `killDescendants` finds. False where the system has no
    /// subreapers (then only descendants whose parents still live are found).
    @discardableResult
    public static func adoptOrphans() -> Bool {
        delve_become_subreaper() == 0
    }

    /// Every living descendant of `root` (not `root` itself), parents before
    /// their children; empty where there is no /proc.
    public static func descendants(of root: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries {
            guard let pid = pid_t(entry), let parent = parent(of: pid) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = [], index = 0
        found.append(contentsOf: children[root] ?? [])
        while index < found.count {
            found.append(contentsOf: children[found[index]] ?? [])
            index += 1
        }
        return found
    }

    /// Sends SIGKILL to every descendant of `root`, again until none is left
    /// alive (a process may fork while the first ones are killed); reaps
    /// those that are this process's own children when `reap`.
    public static func killDescendants(of root: pid_t = getpid(), reap: Bool) {
        for _ in 0..<10 {
            let found = descendants(of: root).filter(isRunning)
            if found.isEmpty { break }
            for pid in found { _ = kill(pid, SIGKILL) }
        }
        guard reap, root == getpid() else { return }
        for pid in descendants(of: root) where parent(of: pid) == root {
            _ = kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// The parent of `pid` and its state letter, from /proc/PID/stat.
    private static func stat(_ pid: pid_t) -> (parent: pid_t, state: Character)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After the command name in parentheses (which may hold anything): " S PPID ...".
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (parent, state)
    }

    private static func parent(of pid: pid_t) -> pid_t? {
        stat(pid)?.parent
    }

    /// Whether `pid` exists and is not a zombie (ended, waiting to be reaped).
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = stat(pid)?.state else { return false }
        return state != "Z" && state != "X"
    }
}
