@testable import DelveProtocol
import Testing

/// The clock of one socket connection against its deadlines, at given instants.
@Suite struct ConnectionDeadlinesTests {
    let deadlines = ConnectionDeadlines(authenticateSeconds: 10, partialLineSeconds: 60)

    @Test func anUnauthenticatedConnectionExpiresAtItsDeadlineAndAnAuthenticatedOneNever() {
        let clock = ConnectionDeadlines.Clock(deadlines)
        #expect(clock.next(authorized: false) == clock.opened + .seconds(10))
        #expect(clock.expired(authorized: false, now: clock.opened + .seconds(9)) == nil)
        #expect(clock.expired(authorized: false, now: clock.opened + .seconds(10))?.code == .unauthorized)
        #expect(clock.next(authorized: true) == nil)
        #expect(clock.expired(authorized: true, now: clock.opened + .seconds(1000)) == nil)
    }

    @Test func aLinesDeadlineRunsFromItsFirstByteUntilItEnds() {
        var clock = ConnectionDeadlines.Clock(deadlines)
        let start = clock.opened + .seconds(5)
        clock.read(completedLines: false, midLine: true, now: start)
        // More bytes of the same line do not move its deadline.
        clock.read(completedLines: false, midLine: true, now: start + .seconds(30))
        #expect(clock.next(authorized: true) == start + .seconds(60))
        #expect(clock.expired(authorized: true, now: start + .seconds(60))?.code == .parseError)
        // A read that ends it and starts another restarts the clock; one that ends it stops it.
        clock.read(completedLines: true, midLine: true, now: start + .seconds(40))
        #expect(clock.next(authorized: true) == start + .seconds(100))
        clock.read(completedLines: true, midLine: false, now: start + .seconds(41))
        #expect(clock.next(authorized: true) == nil)
    }

    @Test func withoutDeadlinesNothingExpires() {
        var clock = ConnectionDeadlines.Clock(ConnectionDeadlines(authenticateSeconds: nil, partialLineSeconds: nil))
        clock.read(completedLines: false, midLine: true)
        #expect(clock.next(authorized: false) == nil)
        #expect(clock.expired(authorized: false, now: clock.opened + .seconds(1e6)) == nil)
    }
}
