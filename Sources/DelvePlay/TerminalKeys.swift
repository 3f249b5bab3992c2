import DelveCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Single keys from the terminal on standard input, read in raw mode (no
/// echo, no line buffering, no signals from Ctrl-C or Ctrl-Z: they arrive as
/// keys). The terminal is put back as it was by `release()`, before every
/// typed line and at the end, and by a handler if the process is sent
/// SIGINT, SIGTERM, SIGHUP or SIGQUIT in raw mode, which then dies of the signal as usual.
public struct TerminalKeys: KeySource {
    private var raw = false

    /// Keys from standard input, which must be a terminal.
    public init() {}

    /// Waits for a key; nil at the end of input. A sequence that is no key Delve knows is skipped.
    public mutating func readKey() -> Key? {
        enterRawMode()
        while true {
            guard let first = Self.readByte(waiting: -1) else { return nil }
            if let key = KeyDecoder.key(first: first, more: { Self.readByte(waiting: Self.sequenceWait) }) { return key }
        }
    }

    /// Puts the terminal back as it was before the first key.
    public mutating func release() {
        guard raw else { return }
        SavedTerminal.restore()
        raw = false
    }

    /// How long, in milliseconds, the rest of an escape sequence may take to arrive.
    static let sequenceWait: Int32 = 50

    private mutating func enterRawMode() {
        guard !raw else { return }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        SavedTerminal.save(settings)
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) == 0 else { return }
        raw = true
    }

    /// One byte of standard input; nil at its end, or when `waiting` ms (−1: forever) pass without one.
    private static func readByte(waiting: Int32) -> UInt8? {
        if waiting >= 0 {
            var ready = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, waiting) == 1 else { return nil }
        }
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}

/// The terminal's settings before raw mode, for `release()` and the signal handler.
///
/// The handler is a C function pointer with no context, so the settings live in
/// a global. It is written only by `save`, on the main thread, before raw mode
/// is entered and before the handlers that read it are installed; a handler
/// only reads it, which is why `nonisolated(unsafe)` is sound here.
private enum SavedTerminal {
    nonisolated(unsafe) static var settings: termios?
    nonisolated(unsafe) static var handlersInstalled = false

    static func save(_ value: termios) {
        settings = value
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber, restoreAndDie)
        }
    }

    static func restore() {
        guard var saved = settings else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
    }
}

/// Restores the terminal (tcsetattr is async-signal-safe), then dies of `signalNumber` as if unhandled.
private func restoreAndDie(_ signalNumber: Int32) {
    SavedTerminal.restore()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
