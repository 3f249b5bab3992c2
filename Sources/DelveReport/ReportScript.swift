/// The report page's script, inline in the page: reads the JSON block
/// `delve-data` and renders the run list, the leaderboard (runs as columns,
/// groups or families as rows, with its chart), the sortable summary table,
/// the SVG plots, the achievement bars and the episode browser. It records the errors
/// it sees in `data-errors` on the body, for the tests; `report.html#selftest`
/// also sorts the table by progress, shows the episode browser alone,
/// presses → three times in it and opens the step's prompt.
enum ReportScript {
    static let javaScript = #"""
    (function () {
      "use strict";
      const errors = [];
      window.addEventListener("error", (e) => errors.push(String(e.message)));
      const consoleError = console.error;
      console.error = function (...args) { errors.push(args.join(" ")); consoleError.apply(console, args); };
      const started = performance.now();
      const data = JSON.parse(document.getElementById("delve-data").textContent);
      const runs = data.runs;
      const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
      const DASHES = ["", "6 3", "2 3", "9 3 2 3"];
      const SVGNS = "http://www.w3.org/2000/svg";

      function el(tag, attrs, ...children) {
        const node = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
        for (const c of children) if (c != null) node.append(c);
        return node;
      }
      function sv(tag, attrs, ...children) {
        const node = document.createElementNS(SVGNS, tag);
        for (const [k, v] of Object.entries(attrs || {})) if (v != null) node.setAttribute(k, v);
        for (const c of children) if (c != null) node.append(c);
        return node;
      }
      function fixed(x, digits) { return x == null || !isFinite(x) ? "–" : Number(x).toFixed(digits); }
      function percent(rate) { return rate == null ? "–" : fixed(rate * 100, 1) + "%"; }
      function familyOf(task) { return task.split("/")[0]; }
      function runColor(r) { return COLORS[r % COLORS.length]; }

      // Runs.
      const runsBox = document.getElementById("runs");
      runsBox.className = "runs";
      runs.forEach((run, r) => {
        const info = run.info;
        runsBox.append(el("div", { "data-run": r }, el("span", { class: "swatch", style: "background:" + runColor(r) }),
          `${run.label}: suite ${info.suite.name}, ${info.episodes} episodes, started ${info.started_at}, delve ${info.delve_version}` +
          (info.invalid_action === "default" ? ", invalid actions play the default" : "") +
          (run.summary.missing ? `, incomplete: ${run.summary.missing.agent_errors} agent errors and ${run.summary.missing.unplayed} episodes not played are left out of the scores` : "")));
      });

      const runLegend = runs.map((run, r) => ({ color: runColor(r), label: run.label }));

      // Leaderboard: runs as columns; the suite's groups (BALROG's environments in the balrog suite), else families, as rows.
      function compact(n) {
        return n >= 1e6 ? fixed(n / 1e6, 1) + "M" : n >= 1e4 ? Math.round(n / 1e3) + "k" : n >= 1e3 ? fixed(n / 1e3, 1) + "k" : String(n);
      }
      const byGroups = runs.some((run) => run.summary.groups);
      const boardKind = byGroups ? "group" : "family";
      const boardRowsOf = (run) => byGroups ? run.summary.groups || [] : run.summary.families;
      const boardNames = [];
      for (const run of runs) for (const row of boardRowsOf(run)) if (!boardNames.includes(row[boardKind])) boardNames.push(row[boardKind]);
      const boardLines = boardNames.map((name) => ({ key: boardKind + ":" + name, name,
        scores: runs.map((run) => boardRowsOf(run).find((row) => row[boardKind] === name) || null) }));
      boardLines.push({ key: "overall", name: "overall", scores: runs.map((run) => run.summary.overall) });
      const board = el("table", { class: "board", id: "leaderboard-table" },
        el("thead", {}, el("tr", {}, el("th", { class: "name" }, byGroups ? "Group" : "Family"),
          ...runs.map((run, r) => el("th", { "data-run": r, title: run.label }, el("span", { class: "swatch", style: "background:" + runColor(r) }), run.label)))));
      const boardBody = el("tbody");
      for (const line of boardLines) {
        const best = Math.max(...line.scores.map((s) => s ? s.progress_mean : -1));
        boardBody.append(el("tr", { "data-row": line.key, class: line.key === "overall" ? "overall" : null }, el("th", { class: "name" }, line.name),
          ...line.scores.map((s, r) => s ? el("td", { "data-run": r, class: runs.length > 1 && s.progress_mean === best ? "best" : null },
            el("span", { class: "mean", "data-board": "progress_mean" }, fixed(s.progress_mean, 1)),
            el("span", { class: "ci", "data-board": "progress_ci" }, `[${fixed(s.progress_ci.low, 1)}, ${fixed(s.progress_ci.high, 1)}]`),
            el("span", { class: "n" }, `${s.episodes} ep.`)) : el("td", { "data-run": r }, "–"))));
      }
      const overalls = runs.map((run) => run.summary.overall);
      if (overalls.some((s) => s.prompt_tokens || s.completion_tokens)) {
        boardBody.append(el("tr", { "data-row": "tokens" }, el("th", { class: "name" }, "Tokens in / out"),
          ...overalls.map((s, r) => el("td", { "data-run": r }, `${compact(s.prompt_tokens)} / ${compact(s.completion_tokens)}`))));
      }
      if (overalls.some((s) => s.cost_usd != null)) {
        boardBody.append(el("tr", { "data-row": "cost" }, el("th", { class: "name" }, "Cost"),
          ...overalls.map((s, r) => el("td", { "data-run": r }, s.cost_usd == null ? "–" : "$" + fixed(s.cost_usd, s.cost_usd < 1 ? 4 : 2)))));
      }
      board.append(boardBody);
      const leaderboardBody = document.getElementById("leaderboard-body");
      leaderboardBody.className = "board-wrap";
      leaderboardBody.append(el("div", { class: "scroll" }, board));
      {
        // As wide as the section allows, up to 640, so its text keeps its size on a phone.
        const width = Math.max(300, Math.min(640, leaderboardBody.clientWidth - 20)), left = width < 480 ? 84 : 120, right = 12;
        const rowH = 10 + 14 * runs.length, top = 6, height = top + boardLines.length * rowH + 24;
        const x = (v) => left + (width - left - right) * v / 100;
        const chart = sv("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "board-chart", "data-plot": "leaderboard" });
        for (let v = 0; v <= 100; v += 25) {
          chart.append(sv("line", { x1: x(v), x2: x(v), y1: top, y2: height - 20, stroke: v ? "#eee" : "#999" }));
          chart.append(sv("text", { x: x(v), y: height - 6, "text-anchor": "middle" }, String(v)));
        }
        boardLines.forEach((line, i) => {
          const y0 = top + i * rowH;
          chart.append(sv("text", { x: left - 6, y: y0 + rowH / 2 + 4, "text-anchor": "end", "font-weight": line.key === "overall" ? 600 : null }, line.name));
          line.scores.forEach((s, r) => {
            if (!s) return;
            const y = y0 + 5 + r * 14;
            chart.append(sv("rect", { x: x(0), y, width: Math.max(1, x(s.progress_mean) - x(0)), height: 10, fill: runColor(r), "fill-opacity": 0.8 },
              sv("title", {}, `${runs[r].label}, ${line.name}: ${fixed(s.progress_mean, 1)} [${fixed(s.progress_ci.low, 1)}, ${fixed(s.progress_ci.high, 1)}]`)));
            chart.append(sv("line", { x1: x(s.progress_ci.low), x2: x(s.progress_ci.high), y1: y + 5, y2: y + 5, stroke: "#222", "stroke-width": 1.5 }));
            for (const v of [s.progress_ci.low, s.progress_ci.high]) chart.append(sv("line", { x1: x(v), x2: x(v), y1: y + 1, y2: y + 9, stroke: "#222", "stroke-width": 1.5 }));
          });
        });
        leaderboardBody.append(figure("Mean progress per " + boardKind + " (whiskers: 95% interval)", chart, runLegend));
      }

      // Summary table.
      const COLUMNS = [
        { key: "run", label: "Run", text: (row) => runs[row.run].info.run_id, sort: (row) => row.run, cls: "name", multi: true },
        { key: "level", label: "Level", text: (row) => row.level, sort: (row) => ["overall", "family", "group", "task"].indexOf(row.level), cls: "level" },
        { key: "name", label: "Name", text: (row) => row.name, sort: (row) => row.name, cls: "name" },
        { key: "episodes", label: "Episodes", text: (row) => String(row.s.episodes), sort: (row) => row.s.episodes },
        { key: "progress_mean", label: "Progress ± SE", text: (row) => fixed(row.s.progress_mean, 1) + " ± " + fixed(row.s.progress_se, 1), sort: (row) => row.s.progress_mean },
        { key: "progress_ci", label: "95% CI", text: (row) => `[${fixed(row.s.progress_ci.low, 1)}, ${fixed(row.s.progress_ci.high, 1)}]`, sort: (row) => row.s.progress_ci.low },
        { key: "success_rate", label: "Success", text: (row) => percent(row.s.success_rate), sort: (row) => row.s.success_rate },
        { key: "progress_auc", label: "AUC", text: (row) => fixed(row.s.progress_auc, 1), sort: (row) => row.s.progress_auc },
        { key: "mean_steps", label: "Steps", text: (row) => fixed(row.s.mean_steps, 1), sort: (row) => row.s.mean_steps },
        { key: "invalid_action_rate", label: "Invalid", text: (row) => percent(row.s.invalid_action_rate), sort: (row) => row.s.invalid_action_rate },
        { key: "agent_errors", label: "Agent errors", text: (row) => String(row.s.agent_errors), sort: (row) => row.s.agent_errors, used: (s) => s.agent_errors > 0 },
        { key: "prompt_tokens", label: "Tokens in", text: (row) => compact(row.s.prompt_tokens), sort: (row) => row.s.prompt_tokens, used: (s) => s.prompt_tokens > 0 },
        { key: "completion_tokens", label: "Tokens out", text: (row) => compact(row.s.completion_tokens), sort: (row) => row.s.completion_tokens, used: (s) => s.completion_tokens > 0 },
        { key: "cost_usd", label: "Cost $", text: (row) => row.s.cost_usd == null ? "–" : fixed(row.s.cost_usd, 4), sort: (row) => row.s.cost_usd == null ? -1 : row.s.cost_usd, used: (s) => s.cost_usd != null },
        { key: "crafter_score", label: "Crafter", text: (row) => row.s.crafter_score == null ? "–" : fixed(row.s.crafter_score, 2), sort: (row) => row.s.crafter_score == null ? -1 : row.s.crafter_score, used: (s) => s.crafter_score != null },
      ].filter((c) => !c.multi || runs.length > 1);
      const summaryRows = [];
      runs.forEach((run, r) => {
        const s = run.summary;
        summaryRows.push({ run: r, level: "overall", name: "overall", s: s.overall, order: summaryRows.length });
        for (const f of s.families) summaryRows.push({ run: r, level: "family", name: f.family, s: f, order: summaryRows.length });
        for (const g of s.groups || []) summaryRows.push({ run: r, level: "group", name: g.group, s: g, order: summaryRows.length });
        for (const t of s.tasks) summaryRows.push({ run: r, level: "task", name: t.task, s: t, order: summaryRows.length });
      });
      // Columns no row has a value for (tokens and cost of a built-in agent, Crafter's score outside craft) are left out, so the table fits.
      for (let i = COLUMNS.length - 1; i >= 0; i--) if (COLUMNS[i].used && !summaryRows.some((row) => COLUMNS[i].used(row.s))) COLUMNS.splice(i, 1);
      const table = el("table", { class: "summary", id: "summary-table" });
      const headRow = el("tr");
      const body = el("tbody");
      let sortState = { key: null, dir: 1 };
      function drawRows(rows) {
        body.replaceChildren(...rows.map((row) => el("tr", { class: row.level, "data-run": row.run, "data-row": row.level + ":" + row.name },
          ...COLUMNS.map((c) => el("td", { class: c.cls, "data-field": c.key }, c.text(row))))));
      }
      COLUMNS.forEach((c) => {
        const th = el("th", { class: c.cls, "data-key": c.key, title: "Sort by " + c.label }, c.label);
        th.addEventListener("click", () => {
          sortState = { key: c.key, dir: sortState.key === c.key ? -sortState.dir : (c.cls ? 1 : -1) };
          for (const other of headRow.children) other.classList.remove("sorted-asc", "sorted-desc");
          th.classList.add(sortState.dir > 0 ? "sorted-asc" : "sorted-desc");
          const rows = summaryRows.slice().sort((a, b) => {
            const x = c.sort(a), y = c.sort(b);
            const order = x < y ? -1 : x > y ? 1 : 0;
            return order * sortState.dir || a.order - b.order;
          });
          drawRows(rows);
        });
        headRow.append(th);
      });
      table.append(el("thead", {}, headRow), body);
      drawRows(summaryRows);
      document.getElementById("summary-body").append(el("div", { class: "scroll" }, table));

      // Plots.
      const W = 420, H = 240, M = { l: 52, r: 20, t: 10, b: 30 };
      function axes(xMax, yMax, xLabel, yLabel, yFormat) {
        const g = sv("g");
        const x = (v) => M.l + (W - M.l - M.r) * (xMax > 0 ? v / xMax : 0);
        const y = (v) => H - M.b - (H - M.t - M.b) * (v / yMax);
        for (let i = 0; i <= 4; i++) {
          const yv = yMax * i / 4;
          g.append(sv("line", { x1: M.l, x2: W - M.r, y1: y(yv), y2: y(yv), stroke: "#eee" }));
          g.append(sv("text", { x: M.l - 4, y: y(yv) + 4, "text-anchor": "end" }, yFormat(yv)));
          const xv = Math.round(xMax * i / 4);
          g.append(sv("text", { x: x(xv), y: H - M.b + 14, "text-anchor": "middle" }, String(xv)));
        }
        g.append(sv("line", { x1: M.l, x2: W - M.r, y1: y(0), y2: y(0), stroke: "#999" }));
        g.append(sv("text", { x: (M.l + W - M.r) / 2, y: H - 4, "text-anchor": "middle" }, xLabel));
        g.append(sv("text", { x: 10, y: M.t + (H - M.t - M.b) / 2, transform: `rotate(-90 10 ${M.t + (H - M.t - M.b) / 2})`, "text-anchor": "middle" }, yLabel));
        return { g, x, y };
      }
      function figure(caption, svgNode, legendItems, attrs) {
        const legend = el("div", { class: "legend" }, ...legendItems.map((item) => el("span", {},
          el("span", { class: "swatch", style: `background:${item.color};${item.dash ? "background:repeating-linear-gradient(90deg," + item.color + " 0 5px,transparent 5px 8px)" : ""}` }), item.label)));
        return el("figure", attrs || {}, el("figcaption", {}, caption), svgNode, legend);
      }
      function progressAt(record, t) {
        let p = 0;
        for (const point of record.progress_curve) { if (point.step <= t) p = point.progress; else break; }
        return p;
      }
      function samplePoints(max) {
        const count = Math.min(max, 200), points = [];
        for (let i = 0; i <= count; i++) points.push(Math.round(max * i / count));
        return points;
      }
      function pathOf(points) { return points.map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + " " + p[1].toFixed(1)).join(""); }
      const plots = el("div", { class: "plots" });
      const families = [];
      for (const run of runs) for (const f of run.summary.families) if (!families.includes(f.family)) families.push(f.family);
      for (const family of families) {
        const perRun = runs.map((run) => run.episodes.filter((e) => familyOf(e.record.task) === family).map((e) => e.record));
        const xMax = Math.max(1, ...perRun.flat().map((r) => r.step_budget));
        const { g, x, y } = axes(xMax, 100, "step", "progress", (v) => String(Math.round(v)));
        const s = sv("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, "data-plot": "progress:" + family }, g);
        perRun.forEach((records, r) => {
          if (!records.length) return;
          const mean = [], upper = [], lower = [];
          for (const t of samplePoints(xMax)) {
            const values = records.map((rec) => progressAt(rec, t));
            const m = values.reduce((a, b) => a + b, 0) / values.length;
            const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) * (b - m), 0) / values.length);
            const se = sd / Math.sqrt(values.length);
            mean.push([x(t), y(m)]); upper.push([x(t), y(Math.min(100, m + se))]); lower.push([x(t), y(Math.max(0, m - se))]);
          }
          s.append(sv("path", { d: pathOf(upper.concat(lower.reverse())) + "Z", fill: runColor(r), "fill-opacity": 0.15, stroke: "none" }));
          s.append(sv("path", { d: pathOf(mean), fill: "none", stroke: runColor(r), "stroke-width": 2 }));
        });
        plots.append(figure(`Mean progress over steps: ${family}`, s, runLegend));
      }
      const tasks = [];
      for (const run of runs) for (const t of run.summary.tasks) if (!tasks.includes(t.task)) tasks.push(t.task);
      // A milestone's kind: its id's first word (take_red_potato: take).
      const kindOf = (id) => id.split("_")[0];
      for (const task of tasks) {
        const perRun = runs.map((run) => run.episodes.filter((e) => e.record.task === task).map((e) => e.record));
        // Milestones that differ from seed to seed are drawn one curve per kind: reached when any milestone of the kind is.
        const byKind = runs.some((run) => (run.milestones_by_kind || []).includes(task));
        const nameOf = byKind ? kindOf : (id) => id;
        const ids = [];
        for (const records of perRun) for (const rec of records) for (const m of rec.milestones) if (!ids.includes(nameOf(m.id))) ids.push(nameOf(m.id));
        if (!ids.length) continue;
        const xMax = Math.max(1, ...perRun.flat().map((r) => r.step_budget));
        const { g, x, y } = axes(xMax, 1, "step", "reached", (v) => Math.round(v * 100) + "%");
        const s = sv("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, "data-plot": "milestones:" + task }, g);
        // The legend names each milestone (colour) once and, with several runs, each run (dash) once.
        const played = perRun.map((_, r) => r).filter((r) => perRun[r].length);
        const legend = ids.map((id, i) => ({ color: COLORS[i % COLORS.length], label: byKind ? id + " …" : id }));
        if (runs.length > 1) for (const r of played) legend.push({ color: "#555", dash: r > 0, label: "run " + runs[r].info.run_id });
        ids.forEach((id, i) => {
          for (const r of played) {
            const records = perRun[r];
            const steps = records.map((rec) => Math.min(Infinity, ...rec.milestones.filter((m) => nameOf(m.id) === id).map((m) => m.step)));
            const points = samplePoints(xMax).map((t) => [x(t), y(steps.filter((st) => st <= t).length / records.length)]);
            s.append(sv("path", { d: pathOf(points), fill: "none", stroke: COLORS[i % COLORS.length], "stroke-width": 1.6,
              "stroke-dasharray": DASHES[r % DASHES.length] }));
          }
        });
        plots.append(figure(byKind ? `Milestones reached by step, by kind: ${task}` : `Milestones reached by step: ${task}`, s, legend,
          { "data-legend-size": String(legend.length), "data-milestones": byKind ? "kind" : "id" }));
      }
      {
        const bins = 10, bw = (W - M.l - M.r) / bins;
        const shares = runs.map((run) => {
          const counts = new Array(bins).fill(0);
          for (const e of run.episodes) counts[Math.min(bins - 1, Math.floor(e.record.progress / 10))] += 1;
          return counts.map((c) => c / Math.max(1, run.episodes.length));
        });
        const yMax = Math.max(0.1, ...shares.flat());
        const { g, y } = axes(100, yMax, "final progress", "episodes", (v) => Math.round(v * 100) + "%");
        const s = sv("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, "data-plot": "histogram" }, g);
        shares.forEach((counts, r) => counts.forEach((share, b) => {
          const width = (bw - 4) / runs.length;
          s.append(sv("rect", { x: M.l + b * bw + 2 + r * width, y: y(share), width: width, height: y(0) - y(share), fill: runColor(r) },
            sv("title", {}, `${runs[r].label}: ${b * 10}–${b === bins - 1 ? 100 : b * 10 + 10}: ${fixed(share * 100, 1)}%`)));
        }));
        plots.append(figure("Final progress, all episodes", s, runLegend));
      }
      document.getElementById("plots-body").append(plots);

      // Achievements (Crafter-style bars).
      const achievementsBody = document.getElementById("achievements-body");
      const crafterTasks = tasks.filter((task) => runs.some((run) => run.achievements[task]));
      if (!crafterTasks.length) achievementsBody.append(el("p", { class: "note" }, "No task in these runs has achievements (the craft family has Crafter's 22)."));
      for (const task of crafterTasks) {
        const ids = [];
        for (const run of runs) for (const id of run.achievements[task] || []) if (!ids.includes(id)) ids.push(id);
        const rowH = 6 + 12 * runs.length, left = 150, width = 620;
        const s = sv("svg", { width: width, height: ids.length * rowH + 24, "data-plot": "achievements:" + task });
        ids.forEach((id, i) => {
          s.append(sv("text", { x: left - 6, y: i * rowH + 12, "text-anchor": "end" }, id));
          runs.forEach((run, r) => {
            const row = run.summary.tasks.find((t) => t.task === task);
            const rate = row && row.milestones && row.milestones[id] ? row.milestones[id].reached : 0;
            const yy = i * rowH + 3 + r * 12;
            s.append(sv("rect", { x: left, y: yy, width: Math.max(1, (width - left - 60) * rate), height: 10, fill: runColor(r) }));
            s.append(sv("text", { x: left + (width - left - 60) * rate + 4, y: yy + 9, "data-achievement": id }, fixed(rate * 100, 1) + "%"));
          });
        });
        const scores = runs.map((run) => { const row = run.summary.tasks.find((t) => t.task === task); return row && row.crafter_score != null ? `${run.info.run_id}: ${fixed(row.crafter_score, 2)}` : null; }).filter((x) => x);
        achievementsBody.append(figure(`${task}: Crafter score ${scores.join(", ")}`, s, runLegend));
      }

      // Episode browser.
      const XTERM = (() => {
        const base = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
          "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"];
        const levels = [0, 95, 135, 175, 215, 255];
        const hex = (n) => n.toString(16).padStart(2, "0");
        for (let i = 0; i < 216; i++) base.push("#" + hex(levels[Math.floor(i / 36)]) + hex(levels[Math.floor(i / 6) % 6]) + hex(levels[i % 6]));
        for (let i = 0; i < 24; i++) base.push("#" + hex(8 + 10 * i).repeat(3));
        return base;
      })();
      // A frame's map (ReplayMap): rows of runs, a run either its text or
      // [text, ink, paper, emphasis] with xterm-256 indices and 1 bold, 2 underline.
      function mapNodes(map) {
        const nodes = [];
        const line = (items) => {
          if (nodes.length) nodes.push(document.createTextNode("\n"));
          for (const run of items) {
            if (typeof run === "string") { if (run) nodes.push(document.createTextNode(run)); continue; }
            const [text, ink, paper, emphasis] = run;
            nodes.push(el("span", { style: (ink != null ? "color:" + XTERM[ink] + ";" : "") + (paper != null ? "background:" + XTERM[paper] + ";" : "")
              + (emphasis & 1 ? "font-weight:bold;" : "") + (emphasis & 2 ? "text-decoration:underline;" : "") }, text));
          }
        };
        for (const row of map.rows) line(row);
        for (const text of map.footer) line([text]);
        return nodes;
      }
      const browser = document.getElementById("browser-body");
      const runSelect = el("select", { id: "run-select", "aria-label": "run" },
        ...runs.map((run, r) => el("option", { value: r }, run.label)));
      const taskSelect = el("select", { id: "task-select", "aria-label": "task" });
      const episodeSelect = el("select", { id: "episode-select", "aria-label": "episode" });
      const prev = el("button", { id: "prev", title: "previous step (←, h)" }, "←");
      const next = el("button", { id: "next", title: "next step (→, l)" }, "→");
      const stepNow = el("span", { id: "step-now" });
      const slider = el("input", { id: "step-slider", type: "range", min: 0, max: 0, value: 0, "aria-label": "step" });
      const status = el("p", { id: "episode-status" });
      const timeline = el("div", { id: "timeline", class: "timeline" });
      const mapBox = el("pre", { id: "map", class: "map" });
      const frameImage = el("img", { id: "frame", class: "frame", alt: "the picture the agent saw" });
      const fields = el("dl");
      browser.append(el("div", { class: "controls" }, runs.length > 1 ? runSelect : null, taskSelect, episodeSelect, prev, next, el("span", {}, "step ", stepNow)),
        slider, timeline, status, el("div", { class: "episode" }, mapBox, frameImage, el("div", { class: "fields" }, fields)));
      let current = { run: 0, episode: null, step: 0 };
      function episodeLabel(e) {
        const r = e.record;
        return `#${e.index} ${r.task} seed ${r.seed}: progress ${fixed(r.progress, 1)}, ${r.end_reason}, ${r.steps} steps` +
          (e.frames_deflate ? "" : ` [${e.trajectory.replace("_", " ")}]`);
      }
      // The run's tasks in the task picker ("every task" first); then its episodes.
      function fillTasks() {
        const names = [];
        for (const e of runs[current.run].episodes) if (!names.includes(e.record.task)) names.push(e.record.task);
        taskSelect.replaceChildren(el("option", { value: "" }, "every task"), ...names.map((task) => el("option", { value: task }, task)));
        return fillEpisodes();
      }
      // The episodes of the chosen task in the episode picker; the first one with its steps in the page is shown.
      function fillEpisodes() {
        const run = runs[current.run], task = taskSelect.value;
        const shown = run.episodes.map((e, i) => [e, i]).filter(([e]) => !task || e.record.task === task);
        episodeSelect.replaceChildren(...shown.map(([e, i]) => el("option", { value: i }, episodeLabel(e))));
        const first = shown.find(([e]) => e.frames_deflate) || shown[0];
        return chooseEpisode(first ? first[1] : 0);
      }
      // An embedded episode's steps, inflated from the page's JSON the first time it is picked.
      async function framesOf(e) {
        if (e.frames || !e.frames_deflate) return;
        const bytes = Uint8Array.from(atob(e.frames_deflate), (c) => c.charCodeAt(0));
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
        e.frames = JSON.parse(await new Response(stream).text());
      }
      async function chooseEpisode(i) {
        const e = runs[current.run].episodes[i];
        current.episode = e;
        episodeSelect.value = String(i);
        if (e && e.frames_deflate && !e.frames) {
          mapBox.replaceChildren("(inflating the episode's steps…)");
          await framesOf(e);
          if (current.episode !== e) return;
        }
        const last = e ? (e.frames ? e.frames.length - 1 : e.record.steps) : 0;
        slider.max = String(last);
        drawTimeline();
        show(0);
      }
      function drawTimeline() {
        const e = current.episode;
        timeline.replaceChildren();
        if (!e) return;
        const r = e.record, w = 1000, h = 46, last = Math.max(1, e.frames ? e.frames.length - 1 : r.steps);
        const x = (t) => 8 + (w - 16) * t / last;
        const s = sv("svg", { viewBox: `0 0 ${w} ${h}`, width: "100%", height: h, preserveAspectRatio: "none" });
        const pts = [];
        let p = 0;
        for (const point of r.progress_curve) { pts.push([x(point.step), 40 - 30 * p / 100]); p = point.progress; pts.push([x(point.step), 40 - 30 * p / 100]); }
        pts.push([x(last), 40 - 30 * p / 100]);
        s.append(sv("path", { d: pathOf(pts), fill: "none", stroke: "#1f77b4", "stroke-width": 2, "vector-effect": "non-scaling-stroke" }));
        for (const m of r.milestones) {
          s.append(sv("line", { x1: x(m.step), x2: x(m.step), y1: 4, y2: 42, stroke: "#2ca02c", "stroke-width": 2, "vector-effect": "non-scaling-stroke", "data-milestone": m.id },
            sv("title", {}, `${m.id} at step ${m.step}`)));
        }
        s.append(sv("line", { id: "cursor", x1: 0, x2: 0, y1: 0, y2: h, stroke: "#d62728", "stroke-width": 2, "vector-effect": "non-scaling-stroke" }));
        timeline.append(s, el("div", { class: "note" }, r.milestones.length
          ? "Milestones: " + r.milestones.map((m) => `${m.id} (step ${m.step})`).join(", ") : "No milestone reached."));
        timeline.cursorX = x;
      }
      function field(label, value, cls, key) {
        if (value == null || value === "") return [];
        return [el("dt", {}, label), el("dd", { class: cls || null, "data-field": key || null }, value)];
      }
      // A prompt as the model got it: chat messages (a JSON array of {role, content}) one block each, else the text as is.
      function promptNodes(prompt) {
        let messages = null;
        try { messages = JSON.parse(prompt); } catch (_) { messages = null; }
        if (!Array.isArray(messages) || !messages.every((m) => m && typeof m.role === "string")) return [el("pre", {}, prompt)];
        return messages.map((m) => el("div", { class: "message" }, el("div", { class: "role" }, m.role),
          el("pre", {}, typeof m.content === "string" ? m.content : Array.isArray(m.content)
            ? m.content.map((part) => part && part.type === "text" ? part.text : "[" + (part && part.type || "part") + "]").join("\n")
            : JSON.stringify(m.content))));
      }
      function promptField(prompt) {
        if (prompt == null) return [];
        return [el("dt", {}, "Prompt"), el("dd", { "data-field": "prompt" },
          el("details", {}, el("summary", {}, `${prompt.length.toLocaleString("en-US")} characters`), ...promptNodes(prompt)))];
      }
      function show(step) {
        const e = current.episode;
        if (!e) return;
        const last = Number(slider.max);
        step = Math.max(0, Math.min(last, step));
        current.step = step;
        slider.value = String(step);
        stepNow.textContent = `${step} / ${last}`;
        stepNow.setAttribute("data-step", String(step));
        const cursor = timeline.querySelector("#cursor");
        if (cursor && timeline.cursorX) { const cx = timeline.cursorX(step); cursor.setAttribute("x1", cx); cursor.setAttribute("x2", cx); }
        const r = e.record;
        status.className = e.trajectory === "replayed" ? "note" : "warn";
        status.textContent = e.trajectory === "replayed" ? `Replayed: maps recomputed from the recorded actions and checked against every recorded observation.` : e.note;
        status.setAttribute("data-trajectory", e.trajectory);
        frameImage.style.display = "none";
        if (!e.frames) {
          mapBox.replaceChildren("(no steps in the page)");
          fields.replaceChildren(...field("Progress", `${fixed(progressAt(r, step), 1)} at step ${step} (final ${fixed(r.progress, 1)})`),
            ...field("Ended", `${r.end_reason} after ${r.steps} of ${r.step_budget} steps`), ...field("Error", r.error));
          return;
        }
        const f = e.frames[step], o = f.observation;
        if (f.map) mapBox.replaceChildren(...mapNodes(f.map)); else mapBox.replaceChildren(e.trajectory === "diverged" ? "(no map: the replay diverged before this step)" : "(no map)");
        mapBox.style.display = mapBox.textContent === "" ? "none" : "";
        if (o.image) {
          frameImage.src = `data:${o.image.mime};base64,${o.image.data}`;
          frameImage.width = o.image.width;
          frameImage.height = o.image.height;
          frameImage.style.display = "";
        }
        fields.replaceChildren(
          ...field("Step", step === 0 ? `0 (the reset) of ${r.steps}` : `${step} of ${r.steps}`),
          ...field("Action", f.action == null ? null : f.action + (f.valid ? "" : "  (invalid)"), f.valid ? null : "invalid"),
          ...field("Executed", f.executed),
          ...field("Raw answer", f.raw, "obs", "raw"),
          ...promptField(f.prompt),
          ...field("Reasoning", f.reasoning),
          ...field("Reward", step === 0 ? null : fixed(f.reward, 2)),
          ...field("Progress", fixed(f.progress, 1)),
          ...field("Milestones", f.milestones.length ? "★ " + f.milestones.join(", ") : null),
          ...field("Feedback", o.feedback),
          ...field("Observation", o.text, "obs"),
          ...field("Status", o.status),
          ...field("Mission", o.mission),
          ...field("Legal actions", o.legal_actions.join(", ")),
          ...field("Ended", f.end_reason ? `${f.end_reason} after ${r.steps} of ${r.step_budget} steps` : null));
      }
      runSelect.addEventListener("change", () => { current.run = Number(runSelect.value); fillTasks(); });
      taskSelect.addEventListener("change", () => fillEpisodes());
      episodeSelect.addEventListener("change", () => chooseEpisode(Number(episodeSelect.value)));
      slider.addEventListener("input", () => show(Number(slider.value)));
      prev.addEventListener("click", () => show(current.step - 1));
      next.addEventListener("click", () => show(current.step + 1));
      document.addEventListener("keydown", (event) => {
        const tag = event.target && event.target.tagName;
        if (tag === "SELECT" || tag === "INPUT") return;
        if (event.key === "ArrowRight" || event.key === "l") { show(current.step + 1); event.preventDefault(); }
        else if (event.key === "ArrowLeft" || event.key === "h") { show(current.step - 1); event.preventDefault(); }
      });
      // `#only=SECTION` (leaderboard, summary, plots, achievements, browser) shows that section alone: a link to it, and the screenshots.
      const only = document.getElementById((location.hash.match(/[#&]only=([a-z]+)/) || [])[1] || "");
      if (only && only.tagName === "SECTION") { only.classList.add("shown"); document.body.classList.add("only-section"); }
      // `#task=FAMILY/TASK` (also after `#selftest&`) opens the browser on that task's first embedded episode.
      // A malformed escape in the link (`%E0%A4%A`) opens the page as if none were given, instead of stopping it.
      const linked = (() => {
        try { return decodeURIComponent((location.hash.match(/[#&]task=([^&]+)/) || [])[1] || ""); } catch (error) { return ""; }
      })();
      const ready = fillTasks().then(() => {
        if (!linked || ![...taskSelect.options].some((o) => o.value === linked)) return;
        taskSelect.value = linked;
        return fillEpisodes();
      });

      // Self-check, read by the tests and BENCHMARKS.md: errors caught, times; `#selftest` (or `#selftest&task=…`)
      // sorts the table by progress (highest first), shows the episode browser alone and presses → three times in it.
      function check() {
        document.body.setAttribute("data-errors", String(errors.length));
        document.body.setAttribute("data-error-text", errors.join(" | "));
      }
      // Milliseconds since the page began to load (navigation start): drawn, and with the first episode inflated.
      document.body.setAttribute("data-render-ms", String(Math.round(performance.now() - started)));
      document.body.setAttribute("data-open-ms", String(Math.round(performance.now())));
      document.body.setAttribute("data-rendered", "yes");
      check();
      window.addEventListener("error", check);
      window.addEventListener("unhandledrejection", (event) => { errors.push(String(event.reason)); check(); });
      ready.then(() => {
        if (location.hash.startsWith("#selftest")) {
          table.querySelector('th[data-key="progress_mean"]').click();
          for (let i = 0; i < 3; i++) document.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
          for (const details of browser.querySelectorAll("details")) details.open = true;
          document.body.classList.add("only-browser");
        }
        document.body.setAttribute("data-browser-ready", "yes");
        document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
        check();
      }, (error) => { errors.push(String(error)); check(); });
    })();
    """#
}
