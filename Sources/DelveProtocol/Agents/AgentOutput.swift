import Foundation
import Synchronization

/// One thing an agent process's standard output produced.
enum AgentOutputEvent: Sendable {
    /// A complete line, without its newline.
    case line([UInt8])
    /// A line longer than the limit, skipped unread.
    case overlong(bytes: Int)
    /// The process exited, or closed its standard output.
    case closed
}

/// The lines an agent process writes, read on a thread of their own so that
/// a silent agent never ties up a task; `next(within:)` waits with a deadline.
final class AgentOutput: Sendable {
    private struct State {
        var events: [AgentOutputEvent] = []
        var waiter: (id: UInt64, continuation: CheckedContinuation<AgentOutputEvent?, Never>)?
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Starts reading `descriptor` (closed when it ends: at its end of file, or
    /// once `child` has exited, watched through `exitWatch`, `ChildPipe`),
    /// cutting it into lines of at most `maximumLineBytes`.
    init(reading descriptor: Int32, child: pid_t, exitWatch: Int32, maximumLineBytes: Int) {
        let thread = Thread { [self] in
            var framer = LineFramer(maximumLineBytes: maximumLineBytes)
            ChildPipe.read(descriptor, child: child, exitWatch: exitWatch) { chunk in
                for frame in framer.push(chunk) { post(Self.event(frame)) }
            }
            if let last = framer.finish() { post(Self.event(last)) }
            close(descriptor)
            post(.closed)
        }
        thread.name = "delve agent stdout"
        thread.start()
    }

    private static func event(_ frame: Frame) -> AgentOutputEvent {
        switch frame {
        case let .line(bytes): return .line(bytes)
        case let .overlong(bytes): return .overlong(bytes: bytes)
        }
    }

    private func post(_ event: AgentOutputEvent) {
        let waiter = state.withLock { state -> CheckedContinuation<AgentOutputEvent?, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter.continuation
            }
            state.events.append(event)
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// The next event, or nil when none came within `timeout`. After `.closed`, every call returns `.closed`.
    func next(within timeout: Duration) async -> AgentOutputEvent? {
        var timer: Task<Void, Never>?
        let event = await withCheckedContinuation { (continuation: CheckedContinuation<AgentOutputEvent?, Never>) in
            let ready = state.withLock { state -> AgentOutputEvent? in
                if let first = state.events.first {
                    if case .closed = first {} else { state.events.removeFirst() }
                    return first
                }
                state.nextWaiterID += 1
                state.waiter = (state.nextWaiterID, continuation)
                return nil
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            let id = state.withLock { $0.nextWaiterID }
            timer = Task { [self] in
                try? await Task.sleep(for: timeout)
                expire(id)
            }
        }
        timer?.cancel()
        if case .closed? = event { state.withLock { $0.events = [.closed] } }
        return event
    }

    /// Gives up waiting `id`, if it still waits.
    private func expire(_ id: UInt64) {
        let waiter = state.withLock { state -> CheckedContinuation<AgentOutputEvent?, Never>? in
            guard let waiter = state.waiter, waiter.id == id else { return nil }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: nil)
    }
}
