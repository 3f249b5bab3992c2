import Foundation
import Testing

/// `delve serve --listen` against clients that connect and say nothing, or
/// start a line and never end it: they hold a slot only until their deadline,
/// and never lock out the client with the token. Real server, real sockets.
@Suite struct HostileClientEndToEndTests {
    static let initialize = ListenEndToEndTests.request(1, "initialize", #"{"protocol_version":"1.0","token":"s3cret"}"#)

    @Test func idleSocketsHoldingEverySlotNeverLockOutTheTokenClient() throws {
        // Deadlines far away: only giving up a slot on demand can let the client in.
        let server = try ListeningServer(["127.0.0.1:0", "--token", "s3cret", "--max-clients", "2", "--auth-timeout", "3600"])
        let idle = try (0..<2).map { _ in try SocketClient(server.address) }
        let client = try SocketClient(server.address)
        let answer = client.call(Self.initialize) ?? ""
        #expect(answer.contains(#""protocol_version":"1.0""#), "\(answer)")
        // The oldest idle socket gave its slot up; the next newcomer takes the other idle one's, never the client's.
        #expect(idle[0].line() == nil)
        let late = try SocketClient(server.address)
        #expect(idle[1].line() == nil)
        #expect(client.call(ListenEndToEndTests.request(2, "worlds/list"))?.contains(#""families""#) == true)
        // With both slots held by clients that presented the token, a newcomer is refused.
        #expect(late.call(Self.initialize)?.contains(#""protocol_version":"1.0""#) == true)
        let refused = try SocketClient(server.address)
        #expect(refused.line()?.contains(#""code":-32010"#) == true)
        #expect(server.stop().status == 0)
    }

    @Test func aConnectionThatDoesNotAuthenticateInTimeIsClosed() throws {
        let server = try ListeningServer(["127.0.0.1:0", "--token", "s3cret", "--auth-timeout", "1"])
        let idle = try SocketClient(server.address)
        try ListenEndToEndTests.expectDocumented(idle.line(),
            #"{"error":{"code":-32008,"message":"no initialize with the token within 1 s (--auth-timeout); closing the connection"},"id":null,"jsonrpc":"2.0"}"#)
        #expect(idle.line() == nil)
        // One that does authenticate keeps its connection past the deadline.
        let client = try SocketClient(server.address)
        #expect(client.call(Self.initialize)?.contains(#""protocol_version":"1.0""#) == true)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(client.call(ListenEndToEndTests.request(2, "worlds/list"))?.contains(#""families""#) == true)
        #expect(server.stop().status == 0)
    }

    @Test func aLineLeftUnfinishedIsClosedAtItsDeadline() throws {
        let server = try ListeningServer(["127.0.0.1:0", "--line-timeout", "1"])
        let client = try SocketClient(server.address)
        #expect(client.call(ListenEndToEndTests.request(1, "worlds/list"))?.contains(#""families""#) == true)
        client.send(#"{"jsonrpc":"2.0","id":2,"method":"worl"#)
        try ListenEndToEndTests.expectDocumented(client.line(),
            #"{"error":{"code":-32700,"message":"a line stayed unfinished for 1 s (--line-timeout); closing the connection"},"id":null,"jsonrpc":"2.0"}"#)
        #expect(client.line() == nil)
        #expect(server.stop().status == 0)
    }

    @Test func theDeadlinesGoWithListen() throws {
        for flag in ["--auth-timeout", "--line-timeout"] {
            let run = try DelveBinary.run(["serve", flag, "5"])
            #expect(run.status == 2, "\(flag): \(run.stderr)")
            #expect(run.stderr.contains("\(flag) needs --listen"))
        }
    }
}
