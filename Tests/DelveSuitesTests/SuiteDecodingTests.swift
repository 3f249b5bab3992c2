import DelveCore
import DelveSuites
import Foundation
import Testing

@Suite struct SuiteDecodingTests {
    func entry(_ json: String) throws -> SuiteEntry {
        try JSONDecoder().decode(SuiteEntry.self, from: Data(json.utf8))
    }

    @Test func seedsMayMixNumbersAndRanges() throws {
        #expect(try entry(#"{"task": "a/b", "seeds": [3, {"from": 10, "count": 3}, 1]}"#).seeds == [3, 10, 11, 12, 1])
        #expect(try entry(#"{"task": "a/b", "seeds": {"from": 5, "count": 2}}"#).seeds == [5, 6])
        #expect(try entry(#"{"task": "a/b", "seeds": {"from": 9007199254740991, "count": 1}}"#).seeds == [Seeds.range.upperBound])
        #expect(try entry(#"{"task": "a/b", "seeds": [9007199254740991]}"#).seeds == [9_007_199_254_740_991])
        let full = try entry(#"{"task": "a/b", "seeds": [1], "step_budget": 9, "options": {"length": 2}}"#)
        #expect(full.stepBudget == 9 && full.options == ["length": .int(2)])
    }

    @Test(arguments: [
        (#"{"task": "a/b", "seeds": {"from": 5, "count": 0}}"#, "count 0 is below 1"),
        (#"{"task": "a/b", "seeds": [{"from": 9007199254740991, "count": 2}]}"#, "run past 9007199254740991"),
        (#"{"task": "a/b", "seeds": [{"from": 9007199254740992, "count": 1}]}"#, "from 0 to 9007199254740991, not 9007199254740992"),
        (#"{"task": "a/b", "seeds": [9007199254740992]}"#, "expected a seed (a whole number from 0 to 9007199254740991)"),
        (#"{"task": "a/b", "seeds": [18446744073709551615]}"#, "expected a seed"),
        (#"{"task": "a/b", "seeds": [1], "step_budget": 0}"#, "step_budget 0 is outside 1…2147483647"),
        (#"{"task": "a/b", "seeds": {"from": 0, "count": 9007199254740991}}"#, "count 9007199254740991 is above 1000000"),
        (#"{"task": "a/b", "seeds": [1], "step_budget": 9223372036854775807}"#, "is outside 1…2147483647"),
        (#"{"task": "a/b", "seeds": [1, -3]}"#, "expected a seed"),
        (#"{"task": "a/b", "seeds": [{"from": 1}]}"#, "count"),
        (#"{"task": "a/b", "seeds": "many"}"#, ""),
    ])
    func badSeedsAreRefused(json: String, mention: String) throws {
        let error = try #require(throws: DecodingError.self) { try entry(json) }
        #expect(mention.isEmpty || String(describing: error).contains(mention), "\(error)")
    }

    @Test func aSuiteOfMoreThanAMillionEpisodesIsRefusedAsItIsRead() throws {
        let range = #"{"task": "a/b", "seeds": {"from": 0, "count": 600000}}"#
        let json = #"{"name": "r", "summary": "", "entries": [\#(range), \#(range), \#(range)]}"#
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Suite.self, from: Data(json.utf8)) }
        #expect(String(describing: error).contains("the suite has more than 1000000 episodes"), "\(error)")
        let fits = #"{"name": "r", "summary": "", "entries": [\#(range)], "profile": "balrog"}"#
        let suite = try JSONDecoder().decode(Suite.self, from: Data(fits.utf8))
        #expect(suite.episodeCount == 600_000 && suite.profile == .balrog)
    }

    @Test func aDecodedSuiteEncodesItsSeedsInFull() throws {
        let suite = try JSONDecoder().decode(Suite.self, from: Data(
            #"{"name": "r", "summary": "", "entries": [{"task": "a/b", "seeds": {"from": 7, "count": 2}}]}"#.utf8))
        let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(suite)) as? [String: Any])
        let entries = try #require(encoded["entries"] as? [[String: Any]])
        #expect(entries[0]["seeds"] as? [Int] == [7, 8])
    }
}
