import Foundation

/// The POSIX socket calls `SocketListener` needs, with their errors turned into `SocketError`.
public enum SocketCall {
    /// `SOCK_STREAM`, with close-on-exec so agent processes never inherit a socket.
    public static let stream = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)

    /// `result` when it is not negative; else a `SocketError` naming `what` and `errno`, after closing `closing`.
    @discardableResult
    static func check(_ what: String, _ result: Int32, closing: Int32? = nil) throws(SocketError) -> Int32 {
        guard result < 0 else { return result }
        let reason = String(cString: strerror(errno))
        if let closing { close(closing) }
        throw SocketError(description: "cannot \(what): \(reason)")
    }

    /// An IPv4 socket address; `host` was checked by `ListenAddress`.
    static func inetAddress(host: String, port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return address
    }

    /// A Unix socket address; `path` fits, as `ListenAddress` checked.
    static func unixAddress(path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        return address
    }

    /// Makes room for a Unix socket at `path`: nothing there is fine; a socket
    /// nobody answers on is left over from a server that is gone, and removed;
    /// a live socket or any other file is an error.
    static func removeStaleSocket(at path: String) throws(SocketError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw SocketError(description: "cannot listen on unix:\(path): the file exists and is not a socket")
        }
        let probe = socket(AF_UNIX, stream, 0)
        guard probe >= 0 else { return }
        defer { close(probe) }
        var address = unixAddress(path: path)
        let answered = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
        guard !answered else { throw SocketError(description: "cannot listen on unix:\(path): another server is listening there") }
        unlink(path)
    }
}
