import DelveCore

/// TextWorld's cooking game: the cookbook in the kitchen names ingredients
/// and how to cut and cook each; gather them, cut them with the knife, cook
/// them with the stove (fry), oven (roast) or BBQ (grill), `prepare meal` in
/// the kitchen and eat it. A point for each ingredient taken, each right cut
/// and cooking, the meal and eating it; a wrong cut or cooking, burning
/// (cooking twice) or eating an ingredient loses. Default as BALROG: 5
/// ingredients, 12 locations, closed doors and containers; in the balrog
/// profile every ingredient is to be cut and cooked, as in all of BALROG's games.
enum Cooking: TextGame {
    static let name = "cooking"
    static let summary = "Read the cookbook, gather ingredients, cut and cook them as it says, prepare the meal and eat it (TextWorld's cooking game)."
    static let rules = "Examine the cookbook in the kitchen to learn the recipe. Take its ingredients, cut them as it says (slice, dice or chop, with a knife in hand) and cook them as it says (fry with the stove, roast with the oven, grill with the BBQ). Cooking something twice burns it. Then prepare meal in the kitchen and eat the meal. Cutting or cooking an ingredient other than the recipe says, or eating an ingredient, loses."
    static let balrogInstructions = """
    You are playing a text adventure: walk between rooms, handle things and solve small puzzles. First find \
    the recipe, then gather and prepare the food as it says, and last prepare the meal and eat it.
    Commands: look (describe the room); goal (say what you must do); inventory (list what you carry); \
    go <dir> (walk north, south, east or west, only where an exit or a door leads); examine ... (look \
    closely); eat ... (something edible); open ... (a door or a container; a closed door must be opened \
    before you can go through it); drop ... (onto the floor); take ... (something you can see); \
    put ... on ... (onto a supporter); take ... from ... (out of a container or off a supporter); \
    insert ... into ... (into a container); unlock ... with ... (with a key); cook ... with ... (with \
    something hot); slice ... with ..., chop ... with ..., dice ... with ... (with something sharp); \
    prepare meal (make the meal from the ingredients you carry; only in the kitchen).
    Hints: examine the cookbook, when you can see it, to read the recipe. The BBQ grills, the stove fries, \
    the oven roasts; cooking an ingredient the wrong way loses the game. To cook something, carry it and \
    stand where the right appliance is, then cook ... with .... To cut something, carry it and the knife, \
    then slice/chop/dice ... with knife. Cut the food before you cook it. With every ingredient prepared as \
    the recipe says, prepare meal in the kitchen and then eat meal to win. Take the ingredients by exactly \
    the names the recipe uses (colour included when it gives one) and the names you see. There is no need \
    to examine a container or supporter that is described as empty.
    You have 80 steps. Restarting is not allowed. Answer with one command.
    """
    static let scoresSteps = true
    static let verbs = GameVerbs(cutting: true, cooking: true)

    static let options = [
        OptionSpec(name: "ingredients", summary: "Ingredients in the recipe.", defaultValue: .int(5), minimum: 1, maximum: 5),
        OptionSpec(name: "locations", summary: "Rooms in the map (the kitchen among them).", defaultValue: .int(12), minimum: 1, maximum: 12),
        OptionSpec(name: "closed", summary: "1: doors and containers start closed; 0: everything is open.", defaultValue: .int(1), minimum: 0, maximum: 1),
        OptionSpec(name: "cut", summary: "1: the recipe asks for cutting (slice, dice, chop); 0: never.", defaultValue: .int(1), minimum: 0, maximum: 1),
        OptionSpec(name: "cook", summary: "1: the recipe asks for cooking (fry, roast, grill); 0: never.", defaultValue: .int(1), minimum: 0, maximum: 1),
    ]

    /// The locations, the kitchen first; a map uses the kitchen and a draw of the others.
    static let locations = ["Kitchen", "Pantry", "Corridor", "Living Room", "Bedroom", "Bathroom", "Backyard", "Garden",
                            "Shed", "Driveway", "Street", "Supermarket"]

    /// Ingredients: adjective (or nil) and noun.
    static let foods: [(String?, String)] = [
        ("red", "potato"), ("yellow", "potato"), ("purple", "potato"), (nil, "carrot"), ("red", "onion"), ("white", "onion"),
        ("yellow", "bell pepper"), ("red", "bell pepper"), ("green", "bell pepper"), ("red", "apple"), ("yellow", "apple"),
        (nil, "banana"), ("red", "tomato"), ("chicken", "breast"), ("chicken", "wing"), ("chicken", "leg"), ("pork", "loin"),
        ("salmon", "fillet"), (nil, "cucumber"), (nil, "parsley"),
    ]

    static let doorNames = ["screen door", "sliding door", "wooden door", "patio door", "frosted-glass door", "front door",
                            "back door", "fiberglass door", "barn door", "storm door", "glass door", "oak door"]

    static func generate(seed: UInt64, options: WorldOptions, task: String) throws(WorldError) -> GameSetup {
        let count = try options.int("ingredients", specs: Self.options, task: task)
        let roomCount = try options.int("locations", specs: Self.options, task: task)
        let closed = try options.int("closed", specs: Self.options, task: task) == 1
        let cutting = try options.int("cut", specs: Self.options, task: task) == 1
        let cooking = try options.int("cook", specs: Self.options, task: task) == 1
        var b = WorldBuilder(seed: seed)
        var others = Array(locations.dropFirst())
        b.rng.shuffle(&others)
        let names = ["Kitchen"] + others.prefix(roomCount - 1)
        b.rooms(MapLayout.grow(count: roomCount, path: 1, &b.rng), named: names)

        var doorNames = Self.doorNames
        b.rng.shuffle(&doorNames)
        for child in 1..<max(1, roomCount) where closed && b.rng.chance(0.5) {
            b.door(to: child, closed: true, named: doorNames[child % doorNames.count])
        }

        let kitchen = 0
        let fridge = fixture(&b, nil, "fridge", .container, kitchen, closed: closed, "A large white fridge.")
        let counter = fixture(&b, nil, "counter", .supporter, kitchen, "A long kitchen counter.")
        let table = fixture(&b, "dining", "table", .supporter, kitchen, "A sturdy dining table.")
        _ = fixture(&b, nil, "stove", .appliance(.fried), kitchen, "A gas stove, for frying.")
        _ = fixture(&b, nil, "oven", .appliance(.roasted), kitchen, "An oven, for roasting.")
        var hasBBQ = false
        for (room, name) in names.enumerated() {
            switch name {
            case "Pantry": _ = fixture(&b, nil, "shelf", .supporter, room, "A wooden shelf.")
            case "Backyard":
                _ = fixture(&b, nil, "BBQ", .appliance(.grilled), room, "A charcoal BBQ, for grilling.")
                _ = fixture(&b, "patio", "table", .supporter, room, "A patio table.")
                hasBBQ = true
            case "Shed":
                _ = fixture(&b, nil, "toolbox", .container, room, closed: closed, "A metal toolbox.")
                _ = fixture(&b, nil, "workbench", .supporter, room, "A workbench.")
            case "Living Room": _ = fixture(&b, nil, "sofa", .supporter, room, "A comfy sofa.")
            case "Bedroom": _ = fixture(&b, nil, "dresser", .container, room, closed: closed, "A chest of drawers.")
            case "Supermarket": _ = fixture(&b, nil, "showcase", .container, room, "A glass showcase.")
            default: break
            }
        }
        var knife = Thing(nil, "knife", place: .on(counter), text: "A sharp kitchen knife.")
        knife.portable = true
        knife.isKnife = true
        b.state.add(knife)

        var menu = Array(foods.indices)
        b.rng.shuffle(&menu)
        var steps: [RecipeStep] = []
        for (n, f) in menu.prefix(count + 3).enumerated() {
            let (adjective, noun) = foods[f]
            let place: Place = b.rng.chance(0.35) ? .inside(fridge) : b.spot(in: b.rng.below(roomCount))
            var food = Thing(adjective, noun, place: place, text: "Fresh food.")
            food.portable = true
            food.edible = true
            food.isFood = true
            let index = b.state.add(food)
            guard n < count else { continue }
            let cut: Cut?, cook: Cook?
            if options.profile == .balrog {
                // As in every game BALROG plays: each ingredient is both cut and cooked.
                cut = cutting ? [.sliced, .diced, .chopped][b.rng.below(3)] : nil
                cook = cooking ? [.fried, .roasted, .grilled][b.rng.below(hasBBQ ? 3 : 2)] : nil
            } else {
                cut = cutting ? [nil, .sliced, .diced, .chopped][b.rng.below(4)] : nil
                cook = cooking ? [nil, .fried, .roasted, .grilled][b.rng.below(hasBBQ ? 4 : 3)] : nil
            }
            steps.append(RecipeStep(ingredient: index, cut: cut, cook: cook))
        }
        var meal = Thing(nil, "meal", place: .nowhere, text: "A meal, made by the recipe. It looks delicious.")
        meal.portable = true
        meal.edible = true
        let mealIndex = b.state.add(meal)
        b.state.recipe = Recipe(steps: steps, kitchen: kitchen, meal: mealIndex)

        let t = b.state.things
        var directions: [String] = []
        for step in steps {
            if let cut = step.cut { directions.append("\(cut.verb) the \(t[step.ingredient].name)") }
            if let cook = step.cook { directions.append("\(cook.verb) the \(t[step.ingredient].name)") }
        }
        directions.append("prepare meal")
        let ingredients = steps.map { t[$0.ingredient].name }
        let cookbook = Thing(nil, "cookbook", place: .on(table), text:
            "You open the cookbook and read: \"Recipe #1. Gather all following ingredients and follow the directions to prepare this tasty meal. Ingredients: \(Narration.list(ingredients)). Directions: \(directions.joined(separator: ", ")).\"")
        b.state.add(cookbook)
        b.state.player = b.rng.below(roomCount)

        var goals: [Goal] = steps.map { Goal("take the \(t[$0.ingredient].name)", .holds($0.ingredient)) }
        var losses: [Loss] = []
        for step in steps {
            let name = t[step.ingredient].name
            if let cut = step.cut { goals.append(Goal("\(cut.verb) the \(name)", .cut(step.ingredient, cut))) }
            if let cook = step.cook { goals.append(Goal("\(cook.verb) the \(name)", .cooked(step.ingredient, cook))) }
            losses += [.ate(step.ingredient), .miscut(step.ingredient, step.cut), .miscooked(step.ingredient, step.cook)]
        }
        goals.append(Goal("prepare the meal", .holds(mealIndex)))
        goals.append(Goal("eat the meal", .eaten(mealIndex)))
        return GameSetup(state: b.state, quest: Quest(goals: goals, losses: losses),
                         mission: "Follow the recipe in the kitchen's cookbook: gather and prepare its ingredients, prepare the meal in the kitchen, and eat it.",
                         intro: "You are hungry! Let's cook a delicious meal. Check the cookbook in the kitchen for the recipe. Once done, enjoy your meal!",
                         objective: "You are hungry. The cookbook in the kitchen holds a recipe: read it, prepare what it asks for, make the meal and eat it.")
    }

    /// A piece of furniture with a fixed name.
    private static func fixture(_ b: inout WorldBuilder, _ adjective: String?, _ noun: String, _ kind: ThingKind, _ room: Int,
                                closed: Bool = false, _ text: String) -> Int {
        var thing = Thing(adjective, noun, kind: kind, place: .room(room), text: text)
        if kind == .container {
            thing.openable = true
            thing.isOpen = !closed
        }
        return b.state.add(thing)
    }

    static func expert(_ s: TextState, _: Quest) -> Command? {
        guard let recipe = s.recipe else { return nil }
        let meal = recipe.meal
        if s.things[meal].eaten { return nil }
        if s.holds(meal) { return .eat(meal) }
        let knife = s.things.indices.first { s.things[$0].isKnife }
        var wanted = recipe.steps.map(\.ingredient).filter { !s.holds($0) }
        if let knife, !s.holds(knife), recipe.steps.contains(where: { $0.cut != nil && s.things[$0.ingredient].cut == nil }) {
            wanted.append(knife)
        }
        if let nearest = wanted.min(by: { TextExpert.distance(to: s.room(of: $0) ?? 0, s) < TextExpert.distance(to: s.room(of: $1) ?? 0, s) }) {
            return TextExpert.acquire(nearest, s)
        }
        if let knife {
            for step in recipe.steps {
                if let cut = step.cut, s.things[step.ingredient].cut == nil { return .cut(cut, step.ingredient, with: knife) }
            }
        }
        for step in recipe.steps {
            guard let cook = step.cook, s.things[step.ingredient].cooked == nil else { continue }
            guard let appliance = s.things.indices.first(where: { s.things[$0].kind == .appliance(cook) }),
                  let room = s.room(of: appliance) else { return nil }
            return TextExpert.reach(room, s) ?? .cook(step.ingredient, with: appliance)
        }
        return TextExpert.reach(recipe.kitchen, s) ?? .prepareMeal
    }
}
