import Foundation

/// Where `delve serve --listen` accepts connections: a TCP address
/// (`127.0.0.1:PORT`, `localhost:PORT`, `0.0.0.0:PORT`; port 0 picks a free
/// one) or a Unix socket (`unix:/path/to/sock`).
public enum ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address and port.
    case tcp(host: String, port: UInt16)
    /// A Unix-domain socket at a path.
    case unix(path: String)

    /// Why a `--listen` value cannot be used.
    public struct ParseError: Error, CustomStringConvertible {
        /// One line naming the problem and the valid forms.
        public var description: String
    }

    /// Reads `HOST:PORT` or `unix:PATH`.
    public init(parsing text: String) throws(ParseError) {
        let forms = "use HOST:PORT (an IPv4 address or localhost, e.g. 127.0.0.1:7777) or unix:/path/to/sock"
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard !path.isEmpty else { throw ParseError(description: "--listen \(text): the socket path is empty; \(forms)") }
            // sockaddr_un holds 108 bytes, the terminating NUL included.
            guard path.utf8.count < 108 else { throw ParseError(description: "--listen \(text): a Unix socket path may be at most 107 bytes") }
            self = .unix(path: path)
            return
        }
        guard let colon = text.lastIndex(of: ":") else { throw ParseError(description: "--listen \(text): no port; \(forms)") }
        let host = String(text[..<colon]), portText = text[text.index(after: colon)...]
        guard let port = UInt16(portText) else {
            throw ParseError(description: "--listen \(text): the port must be a whole number from 0 to 65535; \(forms)")
        }
        let resolved = host == "localhost" ? "127.0.0.1" : host
        var address = in_addr()
        guard inet_pton(AF_INET, resolved, &address) == 1 else {
            throw ParseError(description: "--listen \(text): '\(host)' is not an IPv4 address; \(forms)")
        }
        self = .tcp(host: resolved, port: port)
    }

    /// Whether only this machine can connect: 127.0.0.0/8 or a Unix socket.
    public var isLoopback: Bool {
        switch self {
        case let .tcp(host, _): return host.hasPrefix("127.")
        case .unix: return true
        }
    }

    /// The address as `--listen` spells it.
    public var description: String {
        switch self {
        case let .tcp(host, port): return "\(host):\(port)"
        case let .unix(path): return "unix:\(path)"
        }
    }
}
