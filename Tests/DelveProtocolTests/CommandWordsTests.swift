import DelveProtocol
import Testing

@Suite struct CommandWordsTests {
    @Test(arguments: [
        ("python3 agent.py", ["python3", "agent.py"]),
        ("  python3\t agent.py  --model  x ", ["python3", "agent.py", "--model", "x"]),
        ("python3 'my agent.py' --prompt \"say \\\"hi\\\"\"", ["python3", "my agent.py", "--prompt", "say \"hi\""]),
        ("a\\ b c", ["a b", "c"]),
        ("'' x", ["", "x"]),
        ("x\"y\"'z'", ["xyz"]),
        ("echo $HOME * ~ `id` | cat", ["echo", "$HOME", "*", "~", "`id`", "|", "cat"]),
        ("\"a\\$b \\n\"", ["a$b \\n"]),
        ("'a\\b'", ["a\\b"]),
    ])
    func splitsLikeAShell(_ command: String, _ words: [String]) throws {
        #expect(try CommandWords.split(command) == words)
    }

    @Test(arguments: ["", "   ", "'open", "\"open", "trailing\\", "\"x\\"])
    func refusesWhatAShellWouldNotRun(_ command: String) {
        #expect(throws: CommandWordsError.self) { try CommandWords.split(command) }
    }
}
