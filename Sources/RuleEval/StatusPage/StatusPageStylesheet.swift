import Exporter

/// The status page's inline CSS: dark text on a light background, system fonts, one accent colour per state
/// (green up/ok, red down/err/firing, amber pending, grey unknown/inactive), tables that scroll sideways on
/// narrow screens.
enum StatusPageStylesheet {
    /// The stylesheet text.
    static let css = """
        :root{--text:#1f2328;--muted:#656d76;--line:#d8dee4;--panel:#fff;--page:#f6f8fa;--accent:#0969da;\
        --good:#1a7f37;--good-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;\
        --idle:#57606a;--idle-bg:#eaeef2;--code-bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;background:var(--page);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",\
        Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
        header{background:var(--panel);border-bottom:1px solid var(--line);padding:20px max(16px,calc(50% - 700px)) 16px}
        main{padding:8px max(16px,calc(50% - 700px)) 32px}
        .title{display:flex;align-items:baseline;gap:12px}
        h1{font-size:24px;margin:0;font-weight:600}
        h2{font-size:19px;margin:28px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line);font-weight:600}
        h3{font-size:15px;margin:18px 0 8px;font-weight:600}
        .version{color:var(--muted);font-size:13px;background:var(--idle-bg);padding:1px 8px;border-radius:10px}
        .meta{color:var(--muted);margin:4px 0}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        .endpoints{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 14px}
        .endpoints a{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:3px 8px;\
        border:1px solid var(--line);border-radius:6px;background:var(--page)}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
        .tile{display:flex;flex-direction:column;padding:10px 14px;border:1px solid var(--line);border-left-width:4px;\
        border-radius:6px;color:var(--text);background:var(--panel)}
        .tile:hover{text-decoration:none;background:var(--page)}
        .tile.good{border-left-color:var(--good)}.tile.bad{border-left-color:var(--bad)}\
        .tile.warn{border-left-color:var(--warn)}.tile.idle{border-left-color:var(--idle)}
        .tile-title{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .tile-figure{font-size:18px;font-weight:600}
        .tile-detail{color:var(--bad);font-size:13px}
        .scroll{overflow-x:auto;background:var(--panel);border:1px solid var(--line);border-radius:6px}
        table{border-collapse:collapse;width:100%}
        th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;background:var(--page);\
        border-bottom:1px solid var(--line);padding:6px 10px;white-space:nowrap}
        td{padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
        tbody tr:last-child td{border-bottom:0}
        tr.down td:first-child,tr.firing td:first-child{box-shadow:inset 3px 0 var(--bad)}
        tr.pending td:first-child{box-shadow:inset 3px 0 var(--warn)}
        td.number{white-space:nowrap;font-variant-numeric:tabular-nums}
        td.endpoint{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;\
        overflow-wrap:anywhere}
        table.targets,table.rules{table-layout:fixed;min-width:860px}table.alerts{min-width:1000px}
        .column-endpoint{width:27%}.column-state{width:88px}.column-labels{width:30%}.column-age{width:96px}\
        .column-duration{width:92px}.column-rule{width:52%}.column-evaluation{width:170px}
        td.error{color:var(--bad);font-size:13px;max-width:340px;overflow-wrap:anywhere}
        .badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;\
        line-height:20px;white-space:nowrap}
        .badge.up,.badge.ok,.badge.inactive{color:var(--good);background:var(--good-bg)}
        .badge.down,.badge.err,.badge.firing{color:var(--bad);background:var(--bad-bg)}
        .badge.pending{color:var(--warn);background:var(--warn-bg)}
        .badge.unknown{color:var(--idle);background:var(--idle-bg)}
        .count{font-size:12px;font-weight:600;margin-left:6px}.count.good{color:var(--good)}.count.bad{color:var(--bad)}\
        .count.idle{color:var(--idle)}
        .labels{display:flex;flex-wrap:wrap;gap:4px}
        .label{font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--idle-bg);\
        border-radius:4px;padding:0 6px;overflow-wrap:anywhere}
        .label-name{color:var(--muted)}
        .meta .labels{display:inline-flex;vertical-align:middle;margin-left:4px}
        .group{margin-bottom:20px}.group h3{margin-bottom:0}
        .file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
        .rule-head{display:flex;align-items:center;flex-wrap:wrap;gap:8px}
        .kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);\
        border:1px solid var(--line);border-radius:4px;padding:0 5px}
        .rule-name{font-weight:600}
        .hold{color:var(--muted);font-size:12px}
        pre.query{margin:6px 0;padding:6px 8px;background:var(--code-bg);border:1px solid var(--line);\
        border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:12px/1.45 ui-monospace,SFMono-Regular,\
        Menlo,Consolas,monospace;color:#0a3069}
        .never{color:var(--muted);font-style:italic}
        td.alertname{font-weight:600;white-space:nowrap}
        .group-name,.age{display:block;font-weight:400;color:var(--muted);font-size:12px}
        dl.annotations{margin:0;font-size:13px;min-width:200px}
        dl.annotations dt{color:var(--muted);font-size:12px}
        dl.annotations dd{margin:0 0 4px;overflow-wrap:anywhere}
        svg.timeline{display:block}
        svg.timeline .inactive{fill:var(--idle-bg)}
        svg.timeline .pending{fill:#d4a72c}
        svg.timeline .firing{fill:var(--bad)}
        svg.timeline line{stroke:#8c959f}
        svg.timeline text{font:9px system-ui,sans-serif;fill:var(--muted)}
        .empty{color:var(--muted);font-style:italic}
        @media (max-width:700px){body{font-size:13px}td,th{padding:5px 6px}}
        """
}
