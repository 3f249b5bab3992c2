import CChildProcess

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a child process's pipe until it ends, which is at end of file or at
/// the child's exit, whichever comes first: a grandchild that inherited the
/// pipe and keeps it open does not hide the child's end.
enum ChildPipe {
    /// The most bytes read after the child's exit: what it wrote before it
    /// exited is in the pipe already (a pipe holds at most 1 MiB by default),
    /// and a grandchild writing on must not keep the reader going.
    static let drainLimit = 2 << 20

    /// How often the child is checked when no pidfd watches it.
    static let checkInterval: Int32 = 100

    /// A descriptor that becomes readable when `pid` exits (Linux's pidfd),
    /// or -1 where there is none; open it before anything may reap the child.
    static func exitWatch(_ pid: pid_t) -> Int32 {
        delve_pidfd_open(pid)
    }

    /// Reads `descriptor` on the calling thread, handing each chunk to `body`,
    /// until end of file or until `child` has exited and what it left in the
    /// pipe is read. `exitWatch` (from `exitWatch(_:)`, closed here) wakes the
    /// reader at the exit; without one the child is checked every
    /// `checkInterval` milliseconds. Does not close `descriptor`.
    static func read(_ descriptor: Int32, child: pid_t, exitWatch: Int32, into body: (ArraySlice<UInt8>) -> Void) {
        defer { if exitWatch >= 0 { close(exitWatch) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: exitWatch, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&watched, nfds_t(watched.count), exitWatch >= 0 ? -1 : checkInterval)
            if ready < 0 && errno == EINTR { continue }
            let exited = exitWatch >= 0 ? watched[1].revents != 0 : delve_child_exited(child) != 0
            if exited || ready < 0 {
                drain(descriptor, buffer: &buffer, into: body)
                return
            }
            guard watched[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            body(buffer[..<count])
        }
    }

    /// Reads what the pipe holds now, without waiting, up to `drainLimit` bytes.
    private static func drain(_ descriptor: Int32, buffer: inout [UInt8], into body: (ArraySlice<UInt8>) -> Void) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var total = 0
        while total < drainLimit {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            total += count
            body(buffer[..<count])
        }
    }
}
