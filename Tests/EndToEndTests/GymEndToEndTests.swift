import Foundation
import Testing

/// `delve_agents.gym` and `delve_agents.vector` (Agents/python) under Gymnasium's
/// own `check_env` and beside its SyncVectorEnv, against this build's `delve
/// serve`. Agents/python/test_delve_gym.py installs gymnasium in a
/// venv outside the repository (/tmp/delve-gym-venv, reused) from PyPI; when it
/// cannot, this test fails rather than skips.
@Suite struct GymEndToEndTests {
    @Test func theGymnasiumEnvPassesTheEnvChecker() throws {
        try #require(Python.available, "python3 is needed to test delve_agents.gym (.ci/run installs it)")
        _ = try #require(Python.venv, "the tests' venv with gymnasium could not be made (pip from PyPI)")
        let script = ProtocolSpec.root.appendingPathComponent("Agents/python/test_delve_gym.py").path
        let run = try Python.run([script, "-v"], environment: ["DELVE": DelveBinary.url.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // Every case ran and passed rather than being skipped (`-v` prints "NAME (...) ... ok").
        let cases = run.stderr.split(separator: "\n").filter { $0.hasPrefix("test_") }
        #expect(cases.count == 11 && cases.allSatisfy { $0.hasSuffix("... ok") }, "\(run.stderr)")
    }
}
