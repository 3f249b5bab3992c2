import DelveCore
import DelveEval
import DelveFormats
import Foundation
import Plot

/// The report as one self-contained HTML page: the skeleton built with Plot,
/// the data as one inline JSON block (`<script type="application/json"
/// id="delve-data">`), and an inline script that renders the tables, plots and
/// episode browser from it. No network, no external scripts or fonts; the same
/// data gives the same bytes.
public enum ReportPage {
    /// The page for `data`.
    public static func html(_ data: ReportData) throws -> String {
        let title = "Delve report: " + data.runs.map(\.label).joined(separator: " vs ")
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // The title element alone: Plot's `.title` adds social-card meta tags
                // whose attribute values it does not escape.
                .element(named: "title", nodes: [.raw(Escaping.htmlText(title))]),
                .style(ReportStyle.css)
            ),
            .body(
                .header(
                    .h1(.raw(Escaping.htmlText(title))),
                    .div(.id("runs"))
                ),
                .nav(
                    .a(.href("#leaderboard"), .text("Leaderboard")), .a(.href("#summary"), .text("Summary")), .a(.href("#plots"), .text("Plots")),
                    .a(.href("#achievements"), .text("Achievements")), .a(.href("#browser"), .text("Episodes"))
                ),
                section("leaderboard", "Leaderboard", note: "Mean progress per group (BALROG's six environments in the "
                    + "balrog suite; families otherwise) and overall, one column per run: mean, 95% bootstrap interval and "
                    + "scored episodes; the best mean of a row in bold. Tokens and cost when the agents reported them."),
                section("summary", "Summary", note: "Mean progress ± standard error, 95% bootstrap interval, "
                    + "success rate, progress-AUC, invalid-action rate, tokens and cost (docs/scoring.md). Click a header to sort."),
                section("plots", "Plots", note: "Mean progress over steps per family (band: ±1 SE), milestone reach "
                    + "curves per task (share of episodes that reached each milestone by step t; where milestones differ "
                    + "from seed to seed, as in text games, one curve per kind: take …, open …) and the histogram of final progress."),
                section("achievements", "Achievements", note: "Crafter-style: the share of episodes that unlocked "
                    + "each achievement, with the task's Crafter score."),
                section("browser", "Episodes", note: "Pick a task and an episode; step with ← / → (or h / l) or the slider. "
                    + "An LLM agent's raw answer and prompt are shown when its trajectory has them."),
                .footer(.text("Written by delve \(data.delveVersion) from run.json, summary.json, episodes.jsonl and the trajectories.")),
                .script(.attribute(named: "type", value: "application/json"), .id("delve-data"), .raw(try json(data))),
                .script(.raw(ReportScript.javaScript))
            )
        )
        return page.render() + "\n"
    }

    /// A section of the page, filled by the script: heading, a line on what it shows, its body.
    private static func section(_ id: String, _ heading: String, note: String) -> Node<HTML.BodyContext> {
        .section(.id(id), .h2(.text(heading)), .p(.class("note"), .text(note)), .div(.id("\(id)-body")))
    }

    /// `data` as JSON safe inside a script element (`Escaping.scriptData`), keys sorted.
    static func json(_ data: ReportData) throws -> String {
        Escaping.scriptData(json: String(decoding: try JSONFormat.compact().encode(data), as: UTF8.self))
    }
}
