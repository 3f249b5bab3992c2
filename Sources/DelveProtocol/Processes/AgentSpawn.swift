import DelveCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started in a process group of its own, with pipes to its
/// standard input, output and error, and its log file open for appending.
struct AgentSpawn: Sendable {
    /// The child's pid, which is also its process group's id.
    var pid: pid_t
    /// The write end of the child's standard input, non-blocking.
    var input: Int32
    /// The read end of the child's standard output.
    var output: Int32
    /// The read end of the child's standard error.
    var errors: Int32
    /// The log file, open for appending; its reader copies `errors` into it (`AgentLog`).
    var log: Int32
    /// Descriptors that become readable when the child exits, one for each
    /// reader of `output` and `errors` (`ChildPipe.exitWatch`); -1 without pidfds.
    var outputExitWatch: Int32, errorsExitWatch: Int32

    /// Starts `arguments` (the first is looked up in `PATH`), without a shell,
    /// in `workingDirectory` when given (else in Delve's own).
    static func start(_ arguments: [String], stderrLog: URL, workingDirectory: String? = nil) throws(AgentFailure) -> AgentSpawn {
        guard let program = arguments.first else { throw AgentFailure("the agent command is empty") }
        let log = open(stderrLog.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard log >= 0 else { throw AgentFailure("cannot open the agent log \(stderrLog.path): \(String(cString: strerror(errno)))") }
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errorsFromChild: [Int32] = [-1, -1]
        var opened = [log]
        func closeAll() { for descriptor in opened { close(descriptor) } }
        for index in 0..<3 {
            var ends: [Int32] = [-1, -1]
            guard Self.closeOnExecPipe(&ends) else {
                let reason = String(cString: strerror(errno))
                closeAll()
                throw AgentFailure("cannot make a pipe: \(reason)")
            }
            opened += ends
            switch index {
            case 0: toChild = ends
            case 1: fromChild = ends
            default: errorsFromChild = ends
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorsFromChild[1], 2)
        if let workingDirectory {
            guard let addChdir = Self.addChdir else {
                closeAll()
                throw AgentFailure("cannot start the agent in \(workingDirectory): this C library cannot set a child's folder")
            }
            _ = workingDirectory.withCString { addChdir(&actions, $0) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a deadline kills the agent and everything it started;
        // SIGPIPE and the stop signals back to their defaults, since Delve itself ignores them.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE] + StopSignals.caught { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let status = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        guard status == 0 else {
            closeAll()
            throw AgentFailure("cannot start the agent \(program.debugDescription): \(String(cString: strerror(status)))")
        }
        close(toChild[0])
        close(fromChild[1])
        close(errorsFromChild[1])
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        return AgentSpawn(pid: pid, input: toChild[1], output: fromChild[0], errors: errorsFromChild[0], log: log,
                          outputExitWatch: ChildPipe.exitWatch(pid), errorsExitWatch: ChildPipe.exitWatch(pid))
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which
    /// Swift's Glibc module does not export; looked up at run time.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// A pipe whose ends other children do not inherit (spawns happen one at a
    /// time, in `AgentProcessPool`, so nothing spawns between `pipe` and `fcntl`).
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Kills the child's whole process group, and every descendant it has
    /// now whatever group or session it moved to (`ProcessTree`).
    func kill() {
        let descendants = ProcessTree.descendants(of: pid)
        _ = killpg(pid, SIGKILL)
        for descendant in descendants { _ = Glibc.kill(descendant, SIGKILL) }
    }

    /// How the child ended, waiting for it; nil if it is still running after `grace`.
    func exitStatus(within grace: Duration) async -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return Self.describe(status) }
            if result < 0 { return "ended (its status is unknown)" }
            if clock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Kills the process group and reaps the child.
    func killAndReap() {
        kill()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "was killed by signal \(signal)"
    }
}
