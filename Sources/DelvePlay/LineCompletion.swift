/// TAB completion of a whole line (not just its last word), so that multi-word
/// actions such as "go forward" complete from "go f".
public enum LineCompletion {
    /// The completions of `typed` among `candidates`, in readline's layout.
    ///
    /// Empty when no candidate starts with `typed` (ignoring case and leading
    /// spaces). Otherwise the first element replaces the typed text: the unique
    /// fit itself, or the longest prefix all fits share (never less than what
    /// was typed); when several fit, every fit follows, once each, in order.
    public static func complete(_ typed: String, among candidates: [String]) -> [String] {
        let typed = String(typed.drop(while: \.isWhitespace))
        let key = typed.lowercased()
        var fits: [String] = []
        for candidate in candidates where candidate.lowercased().hasPrefix(key) && !fits.contains(candidate) {
            fits.append(candidate)
        }
        guard let first = fits.first else { return [] }
        if fits.count == 1 { return fits }
        let shared = fits.dropFirst().reduce(Substring(first)) { prefix, fit in
            prefix.prefix(zip(prefix, fit).prefix(while: { $0 == $1 }).count)
        }
        return [shared.count >= typed.count ? String(shared) : typed] + fits
    }
}
