import Foundation
import Testing

/// The cluster examples under examples/: they parse, and the Slurm script,
/// run as its array tasks would be, yields the single-machine summary.
@Suite struct ExamplesEndToEndTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// Runs `executable` with `arguments` and returns its status and combined output.
    func run(_ executable: String, _ arguments: [String], in dir: URL? = nil,
             environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let dir { process.currentDirectoryURL = dir }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theSlurmScriptParsesAndItsArrayTasksMergeToOneRun() throws {
        let script = Self.examples.appendingPathComponent("slurm/delve-shards.sh").path
        let syntax = try run("/bin/bash", ["-n", script])
        #expect(syntax.status == 0, "\(syntax.output)")

        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = DelveBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let settings = ["PATH": path, "SHARDS": "3", "RUN_ID": "cluster", "SLURM_CPUS_PER_TASK": "1"]
        for task in 0..<2 {
            let shard = try run("/bin/bash", [script], in: dir, environment: settings.merging(["SLURM_ARRAY_TASK_ID": "\(task)"]) { $1 })
            try #require(shard.status == 0, "array task \(task): \(shard.output)")
        }
        // A task that never started (cancelled while pending): the merge names its shard and merges nothing.
        let early = try run("/bin/bash", [script, "--merge"], in: dir, environment: settings)
        #expect(early.status == 3 && early.output.contains("Shards without a run directory: 3 of 3"), "\(early.output)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs/cluster").path))
        let last = try run("/bin/bash", [script], in: dir, environment: settings.merging(["SLURM_ARRAY_TASK_ID": "2"]) { $1 })
        try #require(last.status == 0, "array task 2: \(last.output)")
        let merge = try run("/bin/bash", [script, "--merge"], in: dir, environment: settings)
        try #require(merge.status == 0, "\(merge.output)")
        let again = try run("/bin/bash", [script, "--merge"], in: dir, environment: settings)
        #expect(again.status == 0 && again.output.contains("merged and complete already"), "\(again.output)")
        let whole = try DelveBinary.run(["eval", "--run-id", "whole"], directory: dir)
        try #require(whole.status == 0)
        #expect(try JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/whole"))
            == JSONFiles.summaryWithoutTiming(dir.appendingPathComponent("runs/cluster")))
    }

    /// The Slurm script's array tasks with an agent that fails: a shard left
    /// incomplete is resumed by its task, a bounded number of times; one still
    /// incomplete ends its task with exit 3, and the merge flags it (exit 3).
    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func theSlurmArrayTasksResumeIncompleteShardsThenTheMergeFlagsWhatIsMissing() throws {
        let script = Self.examples.appendingPathComponent("slurm/delve-shards.sh").path
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = DelveBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let suite = #"{"name": "small", "summary": "", "entries": [{"task": "grid/goto", "seeds": [1, 2, 3, 4], "step_budget": 8}]}"#
        try Data(suite.utf8).write(to: dir.appendingPathComponent("small.json"))
        let base = ["PATH": path, "SHARDS": "2", "SUITE": "small.json", "SLURM_CPUS_PER_TASK": "1", "RETRY_WAIT": "0", "RETRIES": "2"]

        // Crashes once in all (the marker): that shard's task resumes it and succeeds.
        let once = base.merging(["RUN_ID": "once", "AGENT": try AgentScripts.faultyAgent(in: dir, "crash 2 \(dir.path)/crashed")]) { $1 }
        for task in 0..<2 {
            let shard = try run("/bin/bash", [script], in: dir, environment: once.merging(["SLURM_ARRAY_TASK_ID": "\(task)"]) { $1 })
            try #require(shard.status == 0, "array task \(task): \(shard.output)")
        }
        let retried = try (1...2).map { try JSONFiles.lines(dir.appendingPathComponent("runs/once-shard-\($0)/episodes.jsonl")) }
        #expect(retried.joined().filter { $0["end_reason"] as? String == "agent_error" }.count == 1)
        let merged = try run("/bin/bash", [script, "--merge"], in: dir, environment: once)
        #expect(merged.status == 0, "\(merged.output)")

        // Crashes always: each task gives up after two resumes, and the merge names what is missing.
        let always = base.merging(["RUN_ID": "always", "AGENT": try AgentScripts.faultyAgent(in: dir, "crash 1")]) { $1 }
        for task in 0..<2 {
            let shard = try run("/bin/bash", [script], in: dir, environment: always.merging(["SLURM_ARRAY_TASK_ID": "\(task)"]) { $1 })
            try #require(shard.status == 3, "array task \(task): \(shard.output)")
            #expect(shard.output.contains("resume 2 of 2") && shard.output.contains("still incomplete after 2 resumes"), "\(shard.output)")
        }
        let flagged = try run("/bin/bash", [script, "--merge"], in: dir, environment: always)
        #expect(flagged.status == 3, "\(flagged.output)")
        #expect(flagged.output.contains("Incomplete shards: finish with delve eval --resume /")
            && flagged.output.contains("/runs/always-shard-2, then merge again."), "\(flagged.output)")
    }

    /// Submitted by hand, the Slurm script queues the array with CPUS per task
    /// and the merge after every task has ended (afterany), whatever their exit
    /// status. A stub `sbatch` records its arguments; scripts/slurm-check.sh
    /// runs the script on a real Slurm.
    @Test func theSlurmScriptQueuesTheArrayThenTheMergeAfterAnyEnd() throws {
        let script = Self.examples.appendingPathComponent("slurm/delve-shards.sh").path
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stub = dir.appendingPathComponent("sbatch")
        let calls = dir.appendingPathComponent("calls")
        try Data("#!/bin/sh\necho \"$*\" >> '\(calls.path)'\nwc -l < '\(calls.path)' | tr -d ' ' | sed 's/^/4/; s/$/;cluster/'\n".utf8).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        let path = dir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let submit = try run("/bin/bash", [script], in: dir, environment: ["PATH": path, "SHARDS": "5", "CPUS": "2", "RUN_ID": "r"])
        try #require(submit.status == 0, "\(submit.output)")
        #expect(submit.output == "Submitted the array 41 (5 shards) and its merge 42: runs/r\n")
        let lines = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(lines)")
        #expect(lines[0] == "--parsable --array=0-4 --cpus-per-task=2 --export=ALL,RUN_ID=r \(script)")
        #expect(lines[1].hasPrefix("--parsable --dependency=afterany:41 --export=ALL,RUN_ID=r --job-name=delve-merge --output=delve-merge-%j.log --wrap=bash "), "\(lines[1])")
        #expect(lines[1].hasSuffix(" --merge"), "\(lines[1])")
    }

    /// An array task passes JOBS and EVAL_OPTIONS to its shard's first `delve eval`;
    /// run again, it resumes the shard, whose run.json keeps those options.
    @Test func theSlurmArrayTaskTakesJobsAndEvalOptionsThenResumes() throws {
        let script = Self.examples.appendingPathComponent("slurm/delve-shards.sh").path
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = DelveBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let settings = ["PATH": path, "SUITE": "grid", "SHARDS": "20", "RUN_ID": "opts", "SLURM_ARRAY_TASK_ID": "0",
                        "SLURM_CPUS_PER_TASK": "1", "JOBS": "2", "EVAL_OPTIONS": "--profile balrog --no-trajectories"]
        let first = try run("/bin/bash", [script], in: dir, environment: settings)
        try #require(first.status == 0, "\(first.output)")
        let runJSON = dir.appendingPathComponent("runs/opts-shard-1/run.json")
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: runJSON)) as? [String: Any])
        #expect(recorded["profile"] as? String == "balrog" && recorded["jobs"] as? Int == 2 && recorded["trajectories"] as? Bool == false)
        let again = try run("/bin/bash", [script], in: dir, environment: settings)
        #expect(again.status == 0 && again.output.contains("shard 1: resuming runs/opts-shard-1"), "\(again.output)")
    }

    @Test(arguments: ["delve-indexed-job.yaml", "delve-merge-job.yaml"])
    func theKubernetesManifestsParse(name: String) throws {
        let file = Self.examples.appendingPathComponent("kubernetes/\(name)").path
        // Parsed with PyYAML when it is there; the shell in each container is checked with bash -n.
        let check = """
            import sys, yaml, subprocess
            job = yaml.safe_load(open(sys.argv[1]))
            assert job["apiVersion"] == "batch/v1" and job["kind"] == "Job", job
            spec = job["spec"]
            container = spec["template"]["spec"]["containers"][0]
            env = {e["name"]: e["value"] for e in container["env"]}
            script = container["args"][0]
            if spec.get("completionMode") == "Indexed":
                assert spec["completions"] == spec["parallelism"] == int(env["SHARDS"]), spec
                assert '--shard "$K/$SHARDS"' in script and "JOB_COMPLETION_INDEX + 1" in script, script
                assert 'status == 3 && try <= RETRIES' in script and "RETRIES" in env and "RETRY_WAIT" in env, script
            else:
                assert "delve merge" in script, script
            assert subprocess.run(["bash", "-n"], input=script.encode()).returncode == 0
            print("ok")
            """
        let python = try run("/usr/bin/env", ["python3", "-c", "import yaml"])
        guard python.status == 0 else {
            // No PyYAML: the structure, checked line by line.
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("kind: Job") && text.contains("apiVersion: batch/v1"))
            return
        }
        let result = try run("/usr/bin/env", ["python3", "-c", check, file])
        #expect(result.status == 0 && result.output.hasSuffix("ok\n"), "\(result.output)")
    }
}
