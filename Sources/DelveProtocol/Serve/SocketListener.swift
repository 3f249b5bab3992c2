import Foundation
import Synchronization

/// `delve serve --listen`: accepts connections on a TCP or Unix socket and
/// serves each one on a thread of its own, as its own session with its own
/// envs and limits (`ServeLoop` over the connection). A client's `shutdown`
/// ends its own session and connection; the listener stops only when told to.
/// A connection that has not authenticated holds its slot only until its
/// deadline (`ConnectionDeadlines`), and gives it up at once to a new
/// connection when every slot is taken, so idle sockets never lock out the client with the token.
public final class SocketListener: Sendable {
    /// The address bound, with the real port when port 0 was asked for.
    public let address: ListenAddress
    private let descriptor: Int32
    private let connections: Connections
    /// How long each connection's loop polls for the next request before blocking (`InputSpin`).
    private let spin: Duration
    /// How long a connection may go without authenticating, or leave a line unfinished.
    private let deadlines: ConnectionDeadlines

    /// Binds and listens on `address`. A Unix socket path left behind by a
    /// server that is gone is replaced; one that a live server answers on is not.
    public init(binding address: ListenAddress, maximumClients: Int, spin: Duration = ServeLoop.defaultSpin,
                deadlines: ConnectionDeadlines = ConnectionDeadlines()) throws(SocketError) {
        connections = Connections(maximum: maximumClients)
        self.spin = spin
        self.deadlines = deadlines
        switch address {
        case let .tcp(host, port):
            let fd = try SocketCall.check("socket", socket(AF_INET, SocketCall.stream, 0))
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var socketAddress = SocketCall.inetAddress(host: host, port: port)
            let bound = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try SocketCall.check("bind to \(address)", bound, closing: fd)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            descriptor = fd
            self.address = .tcp(host: host, port: UInt16(bigEndian: socketAddress.sin_port))
        case let .unix(path):
            try SocketCall.removeStaleSocket(at: path)
            let fd = try SocketCall.check("socket", socket(AF_UNIX, SocketCall.stream, 0))
            var socketAddress = SocketCall.unixAddress(path: path)
            // Only this user may connect: the file is created with mode 0600 (no moment with a wider one).
            let mask = umask(0o177)
            let bound = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            umask(mask)
            try SocketCall.check("bind to \(address)", bound, closing: fd)
            descriptor = fd
            self.address = address
        }
        try SocketCall.check("listen on \(address)", listen(descriptor, 128), closing: descriptor)
    }

    /// Accepts and serves connections until `stop` (a file descriptor) becomes
    /// readable; then stops accepting, ends every open connection, and removes
    /// a Unix socket's file. `session` makes each connection's server.
    public func serve(session: @escaping @Sendable () -> Server, stop: Int32) {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || descriptors[1].revents != 0 { break }
            guard descriptors[0].revents != 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            accepted(client, session: session)
        }
        close(descriptor)
        if case let .unix(path) = address { unlink(path) }
        connections.closeAll()
    }

    private func accepted(_ client: Int32, session: @escaping @Sendable () -> Server) {
        if case .tcp = address {
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        let server = session()
        guard connections.open(client, authorized: server.isAuthorized) else {
            let refusal = "{\"error\":{\"code\":\(RPCErrorCode.tooManyClients.rawValue),\"message\":\"\(connections.maximum) clients are connected, the limit (--max-clients); try again later\"},\"id\":null,\"jsonrpc\":\"2.0\"}\n"
            try? ServeLoop.writeAll(Array(refusal.utf8), to: client)
            close(client)
            return
        }
        let connections = self.connections, spin = self.spin, deadlines = self.deadlines
        let thread = Thread {
            do {
                try ServeLoop.run(server, input: client, output: client, spin: spin, deadlines: deadlines,
                                  authorized: { connections.authorized(client) })
            } catch {
                FileHandle.standardError.write(Data("delve serve: a client's connection ended: \(error)\n".utf8))
            }
            connections.close(client)
        }
        thread.start()
    }
}

/// Why a socket could not be set up: one line.
public struct SocketError: Error, CustomStringConvertible {
    /// What failed and why.
    public var description: String
}

/// The open connections, under a lock shared by the accepting thread and the connection threads.
final class Connections: Sendable {
    /// How many may be open at once.
    let maximum: Int
    private let state = Mutex(State())

    private struct State {
        /// The connections counted against the limit; true once authenticated.
        var open: [Int32: Bool] = [:]
        /// Connections that have not authenticated, oldest first.
        var waiting: [Int32] = []
        /// Connections shut down to free their slot, not yet closed by their threads.
        var evicted: Set<Int32> = []
        var closing = false
    }

    init(maximum: Int) { self.maximum = maximum }

    /// Counts `client` in (`authorized` when its server needs no token),
    /// shutting down the oldest connection that has not authenticated when
    /// every slot is taken; false when every slot holds an authenticated
    /// client, or the listener is stopping.
    func open(_ client: Int32, authorized: Bool) -> Bool {
        state.withLock { state in
            guard !state.closing else { return false }
            if state.open.count >= maximum {
                guard !state.waiting.isEmpty else { return false }
                let oldest = state.waiting.removeFirst()
                state.open[oldest] = nil
                state.evicted.insert(oldest)
                shutdown(oldest, Int32(SHUT_RDWR))
            }
            state.open[client] = authorized
            if !authorized { state.waiting.append(client) }
            return true
        }
    }

    /// Notes that `client` has authenticated: its slot is its own from now on.
    func authorized(_ client: Int32) {
        state.withLock { state in
            guard state.open[client] == false else { return }
            state.open[client] = true
            state.waiting.removeAll { $0 == client }
        }
    }

    /// Closes `client` and counts it out; under the lock, so `closeAll` never touches a reused descriptor.
    func close(_ client: Int32) {
        state.withLock { state in
            state.waiting.removeAll { $0 == client }
            if state.open.removeValue(forKey: client) != nil || state.evicted.remove(client) != nil { _ = Glibc.close(client) }
        }
    }

    /// Ends every open connection (their threads then see end of input and
    /// finish), and waits up to two seconds for them to go.
    func closeAll() {
        state.withLock { state in
            state.closing = true
            for client in state.open.keys { shutdown(client, Int32(SHUT_RDWR)) }
        }
        for _ in 0..<200 where !state.withLock({ $0.open.isEmpty && $0.evicted.isEmpty }) { usleep(10_000) }
    }
}
