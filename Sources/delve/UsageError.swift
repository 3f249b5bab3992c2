/// A mistake in what the user typed: `delve` prints its message on one line
/// to stderr and exits with status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong and what the valid choices are, in one line.
    var description: String

    /// A usage error saying `description`.
    init(_ description: String) { self.description = description }

    /// A usage error carrying another error's one-line description.
    init(_ error: some CustomStringConvertible) { description = error.description }
}
