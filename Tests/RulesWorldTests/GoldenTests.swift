import DelveCore
import DelveTestSupport
import Testing
@testable import RulesWorld

/// Golden trajectories: a fixed seed and a fixed stream of actions give a
/// pinned hash of everything the agent sees (observations, rewards, progress,
/// milestones, endings). A change here changes what agents are scored on:
/// bump `RulesFamily.revision` with it, on purpose.
@Suite struct GoldenTests {
    /// Plays 12 seeded random actions (every 5th an unknown word), then the
    /// expert to the end; hashes every step.
    static func trajectoryHash(task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws -> String {
        try GoldenTrajectory(opening: 12, fallback: "idle", salt: 0xBABA,
                             openingAction: GoldenTrajectory.randomOpening(unknown: "jump", every: 5))
            .hash(task: task, seed: seed, profile: profile)
    }

    static let pinned: [String: String] = [
        "goto_win/0": "1db6fd0b857f6bf4", "goto_win/1000000": "81e4d9f452c7e421",
        "goto_win-distr_obj/0": "fb07a909c70d4c38", "goto_win-distr_obj/1000000": "b77c000691f0897d",
        "goto_win-distr_rule/0": "06a669112a1199b9", "goto_win-distr_rule/1000000": "55b43d1fbf3632ab",
        "goto_win-distr_obj_rule/0": "0323fb88ba82176a", "goto_win-distr_obj_rule/1000000": "35f3a210948946bf",
        "goto_win-distr_obj-irrelevant_rule/0": "30c38a56e0ce6975", "goto_win-distr_obj-irrelevant_rule/1000000": "d22af6fd9ac90775",
        "make_win/0": "558f44c8dc279324", "make_win/1000000": "21fc33aa811c1551",
        "make_win-distr_obj/0": "94044bc79c1f7752", "make_win-distr_obj/1000000": "223795fff9107da3",
        "make_win-distr_rule/0": "f70ea2071b285987", "make_win-distr_rule/1000000": "6995e03f51729cd0",
        "make_win-distr_obj_rule/0": "ea632b894d5f3544", "make_win-distr_obj_rule/1000000": "581a88d1ad4f04d9",
        "make_win-distr_obj-irrelevant_rule/0": "035e25ab85f993bf", "make_win-distr_obj-irrelevant_rule/1000000": "e152903ab04e6dd6",
        "two_room-goto_win/0": "d079e557fb5ecbfc", "two_room-goto_win/1000000": "e67a75a7b009772c",
        "two_room-goto_win-distr_obj/0": "e4ec27b37cc49c22", "two_room-goto_win-distr_obj/1000000": "8173d2787f6bcaa8",
        "two_room-goto_win-distr_rule/0": "4432e3e31dd80c92", "two_room-goto_win-distr_rule/1000000": "ecef0a52c4a47196",
        "two_room-goto_win-distr_obj_rule/0": "c6a85483ff8d2a22", "two_room-goto_win-distr_obj_rule/1000000": "e2549b43daa097a2",
        "two_room-goto_win-distr_obj-irrelevant_rule/0": "047c44f3321463d5", "two_room-goto_win-distr_obj-irrelevant_rule/1000000": "af43dd48a8c5378c",
        "two_room-goto_win-distr_win_rule/0": "8d115d5af1b13392", "two_room-goto_win-distr_win_rule/1000000": "22fb7ec68afd95c4",
        "two_room-break_stop-goto_win/0": "c96eea426e128fca", "two_room-break_stop-goto_win/1000000": "054cb7ae5fdeb4a5",
        "two_room-break_stop-goto_win-distr_obj/0": "8ff8a01008eb1374", "two_room-break_stop-goto_win-distr_obj/1000000": "ad7113b9ea761333",
        "two_room-break_stop-goto_win-distr_rule/0": "ac9f4f35d6bbb288", "two_room-break_stop-goto_win-distr_rule/1000000": "dd54ff73f91cf6df",
        "two_room-break_stop-goto_win-distr_obj_rule/0": "2cf213f99b30fd0f", "two_room-break_stop-goto_win-distr_obj_rule/1000000": "279a6d969ac5be37",
        "two_room-break_stop-goto_win-distr_obj-irrelevant_rule/0": "8eddc95814a2a827", "two_room-break_stop-goto_win-distr_obj-irrelevant_rule/1000000": "33df2eb1f3b13864",
        "two_room-maybe_break_stop-goto_win/0": "756aedd9662ca831", "two_room-maybe_break_stop-goto_win/1000000": "7454dc56d1bb4f6c",
        "two_room-maybe_break_stop-goto_win-distr_obj/0": "446c8b9b256a4aa8", "two_room-maybe_break_stop-goto_win-distr_obj/1000000": "ba373883b81c7f0f",
        "two_room-maybe_break_stop-goto_win-distr_rule/0": "eb6dcb45afe7f934", "two_room-maybe_break_stop-goto_win-distr_rule/1000000": "ce9a37a19434386f",
        "two_room-maybe_break_stop-goto_win-distr_obj_rule/0": "a9ce709a5851e4dd", "two_room-maybe_break_stop-goto_win-distr_obj_rule/1000000": "1a317aee2688b7be",
        "two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule/0": "2f42aaf41144c96f", "two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule/1000000": "491d7280384dbf83",
        "two_room-make_win/0": "a32bf2db5d5898bc", "two_room-make_win/1000000": "692b6a6750797724",
        "two_room-make_win-distr_obj/0": "3871aec2a67d9e69", "two_room-make_win-distr_obj/1000000": "66491d90d0a31175",
        "two_room-make_win-distr_rule/0": "f31a8d20fb708168", "two_room-make_win-distr_rule/1000000": "25133a7c23d63ecc",
        "two_room-make_win-distr_obj_rule/0": "95fedd87e5990109", "two_room-make_win-distr_obj_rule/1000000": "dec171038e62334e",
        "two_room-make_win-distr_obj-irrelevant_rule/0": "d2309fce31a9462b", "two_room-make_win-distr_obj-irrelevant_rule/1000000": "8700fc5ee267d054",
        "two_room-make_win-distr_win_rule/0": "25415b5ee3376de6", "two_room-make_win-distr_win_rule/1000000": "b9b144471412b921",
        "two_room-break_stop-make_win/0": "86e4a36ce593b49a", "two_room-break_stop-make_win/1000000": "33bcb07a59d3ec81",
        "two_room-break_stop-make_win-distr_obj/0": "20f645f00225b0d3", "two_room-break_stop-make_win-distr_obj/1000000": "44aca9c41c867609",
        "two_room-break_stop-make_win-distr_rule/0": "bf6bb212c03c20d5", "two_room-break_stop-make_win-distr_rule/1000000": "5f6ca053a71de195",
        "two_room-break_stop-make_win-distr_obj_rule/0": "e30cdc08dbf33c91", "two_room-break_stop-make_win-distr_obj_rule/1000000": "174b8ac726d0f6bb",
        "two_room-break_stop-make_win-distr_obj-irrelevant_rule/0": "e1e735add0a742c0", "two_room-break_stop-make_win-distr_obj-irrelevant_rule/1000000": "b144231e61623475",
        "two_room-make_you/0": "e7d6e89c7fc69c42", "two_room-make_you/1000000": "ed909026305dedc9",
        "two_room-make_you-make_win/0": "a7f53710aa7c203e", "two_room-make_you-make_win/1000000": "26bd85506cf24ba3",
        "two_room-make_wall_win/0": "c6176c0f6999fc31", "two_room-make_wall_win/1000000": "2e0c6e3a4e515784",
    ]

    @Test(arguments: RulesFamily.spec.tasks.map(\.name))
    func trajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try #require(RulesFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [0, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed)
            #expect(Self.pinned["\(name)/\(seed)"] == hash, "\(name) seed \(seed); revision \(RulesFamily.revision)")
        }
    }

    /// The same trajectories under the `balrog` profile, by "task/seed".
    static let pinnedBalrog: [String: String] = [
        "goto_win/0": "ab54af5440c1adff", "goto_win/1000000": "801ba8e5821bb520",
        "goto_win-distr_obj/0": "cb5e8be19fd80073", "goto_win-distr_obj/1000000": "97752d3356343b2c",
        "goto_win-distr_rule/0": "63181181cee25b53", "goto_win-distr_rule/1000000": "8f9dfd27e814ef35",
        "goto_win-distr_obj_rule/0": "ce02fea4eeee8642", "goto_win-distr_obj_rule/1000000": "4c5641eaef98d279",
        "goto_win-distr_obj-irrelevant_rule/0": "2aa13b1a4eaf0945", "goto_win-distr_obj-irrelevant_rule/1000000": "b6cbf8b7900771d3",
        "make_win/0": "02a18f2ba349b9a1", "make_win/1000000": "8b5d94600ef59749",
        "make_win-distr_obj/0": "a3a566f5fb63a3e5", "make_win-distr_obj/1000000": "901d0bd81bfc6815",
        "make_win-distr_rule/0": "38233fdb11fa2dc6", "make_win-distr_rule/1000000": "3d8be4d7d68cf8c9",
        "make_win-distr_obj_rule/0": "ec779968b8fa5be5", "make_win-distr_obj_rule/1000000": "9d78b037be91cd0f",
        "make_win-distr_obj-irrelevant_rule/0": "e3936a78ac3a20fa", "make_win-distr_obj-irrelevant_rule/1000000": "168930408b84096e",
        "two_room-goto_win/0": "6a5b54aaf887b516", "two_room-goto_win/1000000": "f5d5f09014ac8c16",
        "two_room-goto_win-distr_obj/0": "1aa011fb5b4a4224", "two_room-goto_win-distr_obj/1000000": "7ede296b3175fad0",
        "two_room-goto_win-distr_rule/0": "4e5fa52b378d43d3", "two_room-goto_win-distr_rule/1000000": "9cff86586cd425a1",
        "two_room-goto_win-distr_obj_rule/0": "93913848378079f9", "two_room-goto_win-distr_obj_rule/1000000": "d0b092140113b186",
        "two_room-goto_win-distr_obj-irrelevant_rule/0": "f209f9ef7af495f2", "two_room-goto_win-distr_obj-irrelevant_rule/1000000": "14493a8b1f14a0b0",
        "two_room-goto_win-distr_win_rule/0": "a03113e1f45a4f13", "two_room-goto_win-distr_win_rule/1000000": "5d2b20acc380ec32",
        "two_room-break_stop-goto_win/0": "428004e2cb27dc8b", "two_room-break_stop-goto_win/1000000": "4b0db7e4a3610025",
        "two_room-break_stop-goto_win-distr_obj/0": "463b6796da57cac9", "two_room-break_stop-goto_win-distr_obj/1000000": "dc4d965ab726bed9",
        "two_room-break_stop-goto_win-distr_rule/0": "cd7e3f83eed24d96", "two_room-break_stop-goto_win-distr_rule/1000000": "e0ed60e5a2b87f93",
        "two_room-break_stop-goto_win-distr_obj_rule/0": "9bb9d20aee9a4119", "two_room-break_stop-goto_win-distr_obj_rule/1000000": "ee06673bdccb9f11",
        "two_room-break_stop-goto_win-distr_obj-irrelevant_rule/0": "044f3449ea6f2e47", "two_room-break_stop-goto_win-distr_obj-irrelevant_rule/1000000": "fc5d41c802e4e0c2",
        "two_room-maybe_break_stop-goto_win/0": "41a0912493e10f20", "two_room-maybe_break_stop-goto_win/1000000": "31cc56b3602a1407",
        "two_room-maybe_break_stop-goto_win-distr_obj/0": "665b59f9aacb49df", "two_room-maybe_break_stop-goto_win-distr_obj/1000000": "3ba699d3cf3fe34a",
        "two_room-maybe_break_stop-goto_win-distr_rule/0": "bdb3aa5308995757", "two_room-maybe_break_stop-goto_win-distr_rule/1000000": "e09e09f9435a521c",
        "two_room-maybe_break_stop-goto_win-distr_obj_rule/0": "06f06e2e4ccabe76", "two_room-maybe_break_stop-goto_win-distr_obj_rule/1000000": "276d1e302fd510eb",
        "two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule/0": "c7c20625db6acc42", "two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule/1000000": "6aa80c7e5aecd937",
        "two_room-make_win/0": "4570c923bbadf5a5", "two_room-make_win/1000000": "0b4332cdf8fe322f",
        "two_room-make_win-distr_obj/0": "b9ae38ef07398486", "two_room-make_win-distr_obj/1000000": "44ceaeb12fb078fe",
        "two_room-make_win-distr_rule/0": "543cbfd70ab478a4", "two_room-make_win-distr_rule/1000000": "d2ff79594acde5a6",
        "two_room-make_win-distr_obj_rule/0": "c30652226a96efa5", "two_room-make_win-distr_obj_rule/1000000": "8a470f6a8f4e8f29",
        "two_room-make_win-distr_obj-irrelevant_rule/0": "0c8dc8c3c30be881", "two_room-make_win-distr_obj-irrelevant_rule/1000000": "956b8efe207bb641",
        "two_room-make_win-distr_win_rule/0": "e5e33327af88425a", "two_room-make_win-distr_win_rule/1000000": "cedc98d3d95ad14c",
        "two_room-break_stop-make_win/0": "269c9c291574a179", "two_room-break_stop-make_win/1000000": "1d1688f4a9e3771e",
        "two_room-break_stop-make_win-distr_obj/0": "6b0124d7b5a89692", "two_room-break_stop-make_win-distr_obj/1000000": "f77aebc9ccdd3104",
        "two_room-break_stop-make_win-distr_rule/0": "d14bf8c04b4c076e", "two_room-break_stop-make_win-distr_rule/1000000": "e3ecbf4a06be971e",
        "two_room-break_stop-make_win-distr_obj_rule/0": "49f14630162cef26", "two_room-break_stop-make_win-distr_obj_rule/1000000": "12d653ec249eb1a2",
        "two_room-break_stop-make_win-distr_obj-irrelevant_rule/0": "a6df07749bf598d9", "two_room-break_stop-make_win-distr_obj-irrelevant_rule/1000000": "72dd28b38cb3f18a",
        "two_room-make_you/0": "05c42842ed0524b1", "two_room-make_you/1000000": "9a1beaae59efe169",
        "two_room-make_you-make_win/0": "b491774584266a5d", "two_room-make_you-make_win/1000000": "c52046c41b671f97",
        "two_room-make_wall_win/0": "a2c7caa361a53b41", "two_room-make_wall_win/1000000": "08596c7539ca9cc1",
    ]

    @Test(arguments: RulesFamily.spec.tasks.map(\.name))
    func balrogTrajectoriesMatchTheirPinnedHashes(task name: String) throws {
        let task = try #require(RulesFamily.spec.tasks.first { $0.name == name })
        for seed: UInt64 in [0, 1_000_000] {
            let hash = try Self.trajectoryHash(task: task, seed: seed, profile: .balrog)
            #expect(Self.pinnedBalrog["\(name)/\(seed)"] == hash, "\(name) seed \(seed) under balrog; revision \(RulesFamily.revision)")
        }
    }
}
