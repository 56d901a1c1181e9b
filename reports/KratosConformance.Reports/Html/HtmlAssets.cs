namespace KratosConformance.Reports.Html;

/// <summary>
/// The inline CSS and script of the HTML reports. Inline because the report is one file that must work when
/// downloaded from a CI artefact, offline, with no external assets.
/// </summary>
internal static class HtmlAssets
{
    public const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;padding:1em 2em;max-width:1400px;color:#1b1f24}
        h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin-top:1.6em}
        .meta{color:#57606a}.meta dt{font-weight:600;float:left;clear:left;width:11em}.meta dd{margin:0 0 0 11em}
        table.matrix{border-collapse:collapse;margin:1em 0}table.matrix th,table.matrix td{border:1px solid #d0d7de;padding:.25em .8em;text-align:center}
        table.matrix th:first-child,table.matrix td:first-child{text-align:left}
        td a{text-decoration:none;color:inherit;display:block}
        .passed{color:#1a7f37}.failed{color:#cf222e;font-weight:600}.not-applicable{color:#6e7781}.expected-failure{color:#9a6700}.interrupted{color:#9a6700;font-style:italic}.banner{background:#fff8c5;border:1px solid #d4a72c;padding:.5em 1em;font-weight:600}
        .verdict-passed{color:#1a7f37}.verdict-failed{color:#cf222e}.verdict-interrupted{color:#9a6700}
        details.test{border:1px solid #d0d7de;border-radius:6px;margin:.5em 0;padding:.3em .8em;content-visibility:auto;contain-intrinsic-size:auto 2.5em}
        details.test>summary{cursor:pointer;font-weight:600}
        details.step{margin:.3em 0 .3em 1em;border-left:3px solid #d0d7de;padding-left:.6em}
        details.step>summary{cursor:pointer;font-family:ui-monospace,monospace;font-size:.92em}
        details.sub{margin:.2em 0 .2em 1em}details.sub>summary{cursor:pointer;color:#57606a}
        pre{background:#f6f8fa;padding:.6em;overflow:auto;max-height:40em;white-space:pre-wrap;word-break:break-word;font-size:.88em}
        .kind{display:inline-block;min-width:3.5em;color:#57606a}
        .status-2{color:#1a7f37}.status-3{color:#0969da}.status-4,.status-5{color:#cf222e}
        ul.files{margin:.3em 0}
        table.checks{border-collapse:collapse;font-size:.88em;margin:.3em 0}table.checks td,table.checks th{border-bottom:1px solid #eaeef2;padding:.15em .5em;text-align:left;vertical-align:top}
        tr.check-failed td,tr.field-failed td,tr.field-gap td{color:#cf222e}tr.check-warned td{color:#9a6700}tr.field-not-run td,tr.field-exempt td{color:#57606a}
        """;

    /// <summary>Opens the test a matrix link points at (a closed details would otherwise hide its content).</summary>
    public const string Script = """
        function kcOpen(){var h=decodeURIComponent(location.hash.slice(1));if(!h)return;var t=document.getElementById(h),e=t;
        while(e){if(e.tagName==='DETAILS')e.open=true;e=e.parentElement;}if(t)t.scrollIntoView();}
        window.addEventListener('hashchange',kcOpen);window.addEventListener('DOMContentLoaded',kcOpen);
        """;
}
