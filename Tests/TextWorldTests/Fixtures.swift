import DelveCore
@testable import TextWorlds

/// A small hand-made house: the hall (a red key and a blue key on the floor,
/// a closed wooden chest holding an apple, a table with a book) and, north
/// through a locked oak door that the red key opens, the study with the gold coin.
/// Played as a treasure hunt under `profile`.
func hallAndStudy(profile: Profile = .delve) -> TextWorld {
    var s = TextState()
    s.rooms = [Room(name: "Hall"), Room(name: "Study")]
    var door = Thing("oak", "door", kind: .door, place: .nowhere, text: "An oak door.")
    door.openable = true
    door.isOpen = false
    door.locked = true
    let doorIndex = s.add(door)
    s.connect(0, .north, 1, door: doorIndex)
    var red = Thing("red", "key", place: .room(0), text: "A red key.")
    red.portable = true
    let redIndex = s.add(red)
    s.things[doorIndex].key = redIndex
    var blue = Thing("blue", "key", place: .room(0), text: "A blue key.")
    blue.portable = true
    s.add(blue)
    var chest = Thing("wooden", "chest", kind: .container, place: .room(0), text: "A wooden chest.")
    chest.openable = true
    chest.isOpen = false
    let chestIndex = s.add(chest)
    var apple = Thing("green", "apple", place: .inside(chestIndex), text: "A green apple.")
    apple.portable = true
    apple.edible = true
    apple.isFood = true
    s.add(apple)
    let table = s.add(Thing(nil, "table", kind: .supporter, place: .room(0), text: "A table."))
    var book = Thing("old", "book", place: .on(table), text: "An old book.")
    book.portable = true
    s.add(book)
    var coin = Thing("gold", "coin", place: .room(1), text: "A gold coin.")
    coin.portable = true
    let coinIndex = s.add(coin)
    var world = TextWorld(game: TreasureHunter.self)
    world.profile = profile
    world.install(GameSetup(state: s, quest: Quest(goals: [Goal("open the oak door", .opened(doorIndex)), Goal("take the gold coin", .holds(coinIndex))]),
                            mission: "Take the gold coin.", intro: "A test house.", objective: "Your goal: take the gold coin from the floor of the study."))
    return world
}
