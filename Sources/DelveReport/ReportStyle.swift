/// The report page's style sheet, inline in the page.
enum ReportStyle {
    static let css = #"""
    body { overflow-wrap: anywhere; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1280px; padding: 0 16px 40px; color: #1d1d1f; background: #fafafa; }
    header h1 { font-size: 20px; margin: 16px 0 4px; }
    nav { position: sticky; top: 0; background: #fafafa; padding: 6px 0; border-bottom: 1px solid #ddd; z-index: 2; }
    nav a { margin-right: 16px; color: #0b57d0; text-decoration: none; }
    h2 { font-size: 17px; margin: 24px 0 4px; }
    h3 { font-size: 14px; margin: 12px 0 4px; }
    .note { color: #555; margin: 0 0 8px; font-size: 13px; }
    .warn { color: #a4262c; background: #fde7e9; padding: 4px 8px; border-radius: 4px; }
    .runs span.swatch, .legend span.swatch { display: inline-block; width: 18px; height: 4px; vertical-align: middle; margin-right: 4px; }
    .runs div { margin: 2px 0; font-size: 13px; }
    table.summary { border-collapse: collapse; font-size: 13px; width: 100%; background: #fff; }
    table.summary th, table.summary td { padding: 3px 6px; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
    table.summary th { cursor: pointer; background: #f0f0f3; position: sticky; top: 33px; user-select: none; }
    table.summary th.sorted-asc::after { content: " ▲"; } table.summary th.sorted-desc::after { content: " ▼"; }
    table.summary td.name, table.summary th.name, table.summary td.level { text-align: left; }
    table.summary tr.overall td { font-weight: 600; background: #f6f8fd; } table.summary tr.family td { background: #fbfbfd; }
    .board-wrap { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
    /* Below the page's full width, wide tables scroll sideways in their box; their sticky header then sticks to the box's top. */
    @media (max-width: 1100px) { .scroll { overflow-x: auto; max-width: 100%; } .scroll table.summary th { top: 0; } }
    table.board { border-collapse: collapse; background: #fff; font-size: 13px; margin-bottom: 8px; }
    table.board th, table.board td { padding: 4px 10px; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; vertical-align: top; }
    table.board thead th { background: #f0f0f3; font-weight: 600; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
    table.board th.name { text-align: left; }
    table.board td span { display: block; } table.board td span.mean { font-size: 15px; }
    table.board td span.ci, table.board td span.n { color: #666; font-size: 12px; }
    table.board td.best span.mean { font-weight: 700; } table.board tr.overall th, table.board tr.overall td { background: #f6f8fd; }
    figure svg { max-width: 100%; height: auto; }
    @media (max-width: 600px) { table.board th, table.board td { padding: 4px 6px; } table.board thead th { white-space: normal; } }
    .plots { display: flex; flex-wrap: wrap; gap: 12px; }
    figure { margin: 0; background: #fff; border: 1px solid #e3e3e8; border-radius: 6px; padding: 8px; }
    figcaption { font-size: 13px; font-weight: 600; margin-bottom: 4px; }
    .legend { font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 12px; max-width: 420px; margin-top: 4px; }
    svg text { font: 11px system-ui, sans-serif; fill: #444; }
    .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
    .controls select { max-width: min(640px, 100%); }
    .episode { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
    img.frame { image-rendering: pixelated; border-radius: 6px; background: #111; }
    pre.map { max-width: 100%; overflow-x: auto; background: #111; color: #ccc; padding: 8px 10px; margin: 0; font: 13px/1.15 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; border-radius: 6px; }
    .fields { flex: 1; min-width: min(360px, 100%); }
    .fields dl { display: grid; grid-template-columns: 110px 1fr; gap: 3px 10px; margin: 0; }
    .fields dt { color: #666; } .fields dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
    .fields dd.obs { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; background: #fff; border: 1px solid #eee; padding: 4px; max-height: 260px; overflow: auto; }
    .fields dd pre { margin: 4px 0; white-space: pre-wrap; word-break: break-word; font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", monospace; background: #fff; border: 1px solid #eee; padding: 4px; max-height: 320px; overflow: auto; }
    .fields .message .role { color: #0b57d0; font-size: 12px; font-weight: 600; margin-top: 4px; }
    .timeline { width: 100%; }
    input[type=range] { width: 100%; }
    .invalid { color: #a4262c; font-weight: 600; }
    body.only-browser section:not(#browser), body.only-browser header { display: none; }
    body.only-section section:not(.shown), body.only-section header { display: none; }
    footer { margin-top: 32px; color: #777; font-size: 12px; }
    """#
}
