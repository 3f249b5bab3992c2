/// TAB completion of a whole line (not just its last word), so that multi-word
/// actions such as "go forward" complete from "go f".
public enum LineCompletion {
    /// The completions of `typed` among `candidates`, in readline's layout.
    ///
    /// Empty when no candidate starts with `typed` (ignoring case and leading
    /// spaces). Otherwise the first element replaces the typed text: the unique
    /// fit itself, or the longest prefix all fits share (never less than what
    /// was typed); when several fit, every fit follows, once each, in order.
    ///
    /// A candidate that starts with a space is a word, as a parser game
    /// completes: it fits the typed line's last word (the text after its last
    /// space, or all of it) and the fit is the line with that word completed.
    public static func complete(_ typed: String, among candidates: [String]) -> [String] {
        let typed = String(typed.drop(while: \.isWhitespace))
        let key = typed.lowercased()
        let head = typed.lastIndex(of: " ").map { String(typed[...$0]) } ?? ""
        let last = String(typed.dropFirst(head.count)).lowercased()
        var fits: [String] = []
        for candidate in candidates {
            let fit: String
            if candidate.hasPrefix(" ") {
                let word = candidate.dropFirst()
                guard word.lowercased().hasPrefix(last) else { continue }
                fit = head + word
            } else {
                guard candidate.lowercased().hasPrefix(key) else { continue }
                fit = candidate
            }
            if !fits.contains(fit) { fits.append(fit) }
        }
        guard let first = fits.first else { return [] }
        if fits.count == 1 { return fits }
        let shared = fits.dropFirst().reduce(Substring(first)) { prefix, fit in
            prefix.prefix(zip(prefix, fit).prefix(while: { $0 == $1 }).count)
        }
        return [shared.count >= typed.count ? String(shared) : typed] + fits
    }
}
