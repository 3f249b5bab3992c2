extension GridWorld {
    /// The `balrog` profile's system prompt: what BALROG's BabyAI prompt
    /// carries (a simple navigation game, the goal, the six actions with
    /// BALROG's descriptions, its two tips) and nothing more, in Delve's words.
    var balrogInstructions: String {
        """
        You play a simple navigation game. Your goal: \(level.mission.surface). These are the actions you can take, each \
        with a short description:

        turn left: turn to your left,
        turn right: turn to your right,
        go forward: take one step ahead,
        pick up: take the object below you,
        drop: put down the object you are holding,
        toggle: act on the object in front of you.

        An observation will follow shortly.

        Tips:
        - When the object you want to interact with or pick up is in front of you, the 'toggle' action interacts with it.
        - Repeating one action again and again makes no sense while the observation does not change.

        Start playing!
        """
    }
}
