/// Text from outside (agents, run directories, suite files, clients) made
/// safe for the place it lands: one function per target, and every writer
/// of that target uses it. The targets are in the files `Escaping+*.swift`.
public enum Escaping {}
