/// The `balrog` profile's system prompts: what BALROG's NetHack and MiniHack
/// prompts tell the model (the action words with what each does, how to
/// answer the game's questions, the goal), written in Delve's words.
enum BalrogInstructions {
    /// What each action word does, for the words BALROG's prompts list.
    static let meanings: [String: String] = [
        "north": "step one cell north", "east": "step one cell east", "south": "step one cell south",
        "west": "step one cell west", "northeast": "step one cell northeast", "southeast": "step one cell southeast",
        "southwest": "step one cell southwest", "northwest": "step one cell northwest",
        "far north": "keep going north until something interesting", "far east": "keep going east until something interesting",
        "far south": "keep going south until something interesting", "far west": "keep going west until something interesting",
        "far northeast": "keep going northeast until something interesting",
        "far southeast": "keep going southeast until something interesting",
        "far southwest": "keep going southwest until something interesting",
        "far northwest": "keep going northwest until something interesting",
        "up": "climb the staircase up you stand on", "down": "descend the staircase down you stand on (only from on top of it)",
        "wait": "let one turn pass without doing anything",
        "more": "show the rest of a message (only when it ends in --More--)",
        "annotate": "write a note about this level", "apply": "use a tool",
        "call": "give a name to a monster or an object", "cast": "cast a spell", "close": "close a door next to you",
        "open": "open a door next to you", "dip": "dip one object into another", "drop": "put an object down",
        "droptype": "put down objects of chosen kinds (asked next)", "eat": "eat something (do it when hungry)",
        "esc": "leave a menu or cancel a question", "engrave": "write on the floor (Elbereth scares many monsters)",
        "enhance": "check or raise weapon skills", "fire": "shoot what is in your quiver",
        "fight": "attack in a direction, even when you only suspect a monster there", "force": "force a lock open",
        "inventory": "show what you carry", "invoke": "invoke the power of an artifact", "jump": "jump to a cell",
        "kick": "kick a monster, a locked door or a box", "look": "see what lies under you",
        "loot": "open a box on the floor", "monster": "use a special power of a monster you have turned into",
        "offer": "sacrifice to the gods (at an altar of yours)", "overview": "list the dungeon levels you have seen",
        "pay": "pay a shopkeeper", "pickup": "pick up what lies where you stand", "pray": "ask the gods for help",
        "puton": "put on a ring or an amulet", "quaff": "drink a potion (or from a fountain)",
        "quiver": "choose what to shoot", "read": "read a scroll or a spellbook", "remove": "take off a ring or an amulet",
        "rub": "rub a lamp or a stone", "search": "look around you for hidden doors and passages",
        "swap": "exchange your weapon with your other weapon", "takeoff": "take off a piece of armor",
        "takeoffall": "take off all your armor", "teleport": "teleport, if you are able to",
        "throw": "throw something, such as a dagger",
        "travel": "go to a place on the map (next, give < or > for stairs, { for a fountain, _ for an altar)",
        "twoweapon": "fight with two weapons, or stop", "untrap": "disarm a trap", "wear": "put on a piece of armor",
        "wield": "hold a weapon", "wipe": "wipe your face", "zap": "zap a wand",
        "minus": "the key -", "space": "the space key", "apos": "the key '",
    ]

    /// The words BALROG's NetHack prompt lists, in its order (the digits follow).
    static let nethackListed = [
        "north", "east", "south", "west", "northeast", "southeast", "southwest", "northwest", "far north", "far east",
        "far south", "far west", "far northeast", "far southeast", "far southwest", "far northwest", "up", "down",
        "wait", "more", "annotate", "apply", "call", "cast", "close", "open", "dip", "drop", "droptype", "eat", "esc",
        "engrave", "enhance", "fire", "fight", "force", "inventory", "invoke", "jump", "kick", "look", "loot", "monster",
        "offer", "overview", "pay", "pickup", "pray", "puton", "quaff", "quiver", "read", "remove", "rub", "search",
        "swap", "takeoff", "takeoffall", "teleport", "throw", "travel", "twoweapon", "untrap", "wear", "wield", "wipe",
        "zap", "minus", "space", "apos",
    ]

    private static func list(_ words: [String]) -> String {
        words.map { "\($0): \(meanings[$0] ?? $0)" }.joined(separator: "\n")
    }

    /// The NetHack prompt (`dungeon/descend`).
    static let nethack: String = """
        You play NetHack. Each turn, answer with one of these actions; after each is what it does:

        \(list(nethackListed))
        0 to 9: the digit keys.

        How to play:
        - When the game asks which object to use ("What do you want to eat? [dh or ?*]"), answer with the letter \
        of the object in your inventory, such as d or h.
        - When it asks for a direction ("In what direction?"), answer with a direction, such as east.
        - When a message ends in --More--, answer more to see the rest.
        - Explore to find the staircase down to the next level.
        - Read the last message carefully before choosing what to do.
        - Walking into a wall or solid stone stops you ("It's a wall."); turn another way to keep exploring.
        - The language observation and the map show where things are; use them to pick where to go.
        - Walk into a monster to attack it.

        The history of your actions and the game's observations follows.
        Your goal: get as far as you can in the game.
        """

    /// A MiniHack prompt: the task's action words, a tip, the goal.
    static func minihack(actions: [String], goal: String) -> String {
        """
        You play MiniHack. Each turn, answer with one of these actions; after each is what it does:

        \(list(actions)).

        The history of your actions and the game's observations follows.

        Tip: repeating an action that changes nothing gets you nowhere.

        \(goal)
        """
    }
}
