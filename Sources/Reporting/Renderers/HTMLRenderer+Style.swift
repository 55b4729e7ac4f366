extension HTMLRenderer {
    /// The page's CSS: system fonts at 16 px, tables that wrap, severity badges with text (not
    /// colour alone), and a print layout without backgrounds that breaks before each spec.
    static let style = """
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa;
          --high: #b42318; --medium: #b54708; --low: #175cd3; --info: #475467; --ok: #067647; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--fg); margin: 0 auto; max-width: 75rem; padding: 1.5rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.4rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.5rem; }
        small { color: var(--muted); font-weight: normal; }
        code, pre { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        pre { background: var(--bg-alt); padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; margin: 0; }
        table { border-collapse: collapse; margin: .75rem 0; width: 100%; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        td.id { white-space: nowrap; }
        th { background: var(--bg-alt); }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .settings { display: flex; gap: 1rem; flex-wrap: wrap; }
        .settings table { width: auto; min-width: 20rem; }
        tr.literal td { background: #fffaeb; }
        .badge { display: inline-block; padding: 0 .5rem; border-radius: .75rem; color: #fff; font-size: .85em;
          font-weight: 600; white-space: nowrap; }
        .badge.high { background: var(--high); }
        .badge.medium { background: var(--medium); }
        .badge.low { background: var(--low); }
        .badge.informational { background: var(--info); }
        .ok, td.ok, td.proved, td.holds { color: var(--ok); }
        .failed, td.failed, td.refuted, td.violated { color: var(--high); font-weight: 600; }
        td.unknown { color: var(--medium); }
        .finding { border: 1px solid var(--line); border-radius: .5rem; padding: .25rem 1rem .75rem; margin: 1rem 0; }
        .finding dl { display: grid; grid-template-columns: 11rem 1fr; gap: .25rem 1rem; margin: 0; }
        .finding dt { font-weight: 600; color: var(--muted); }
        .finding dd { margin: 0; }
        .note { color: var(--muted); }
        .details { color: var(--muted); font-size: .95em; }
        .charts svg { max-width: 100%; height: auto; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          .spec { break-before: page; }
          .finding, tr { break-inside: avoid; }
          .badge { color: var(--fg); border: 1px solid var(--fg); background: none !important; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
