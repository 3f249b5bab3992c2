#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used so far, which other processes on a shared machine do not
/// move: a bench's figures per CPU-second.
enum CPUTime {
    /// The calling thread's CPU time.
    static var thread: Duration { read(CLOCK_THREAD_CPUTIME_ID) }

    /// The process's CPU time, every thread together.
    static var process: Duration { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Duration {
        var now = timespec()
        clock_gettime(clock, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }
}
