//! The brief as one self-contained HTML page: no network, the style
//! inline, the diagram embedded as SVG; it reads on a laptop and a phone
//! and prints on paper. Every string from the store is escaped.

use std::fmt::Write;

use super::text::{chain, coverage, followed_from, headline, phrase, source_line, spoken_day};
use super::Brief;
use crate::export::json::html as esc;

const STYLE: &str = "\
:root{color-scheme:light;--ink:#1d232b;--soft:#5a6470;--rule:#d9dee4;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.7rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--rule);padding-bottom:.25rem}
.lead{font-size:1.05rem}
ol.dates,ul.chains,ul.sources{padding-left:0;list-style:none;margin:0}
ol.dates li{padding:.6rem 0;border-bottom:1px solid var(--rule)}
.day{display:block;font-weight:600;color:var(--accent)}
.meta,.from{color:var(--soft);font-size:.92rem}
ul.chains li,ul.sources li{padding:.3rem 0;overflow-wrap:anywhere}
figure{margin:1rem 0;overflow-x:auto}
figure svg{max-width:100%;height:auto}
.note{color:var(--soft);font-style:italic}
@media (max-width:30rem){body{font-size:15px}h1{font-size:1.4rem}}
@media print{main{max-width:none;padding:0}a{color:inherit;text-decoration:none}
ol.dates li{break-inside:avoid}figure{overflow:visible}h2{break-after:avoid}}
";

/// `annals brief --format html`. `svg` is the diagram Graphviz drew of
/// the key dates, or `None` when Graphviz is not installed (the page says
/// so and how to get it).
///
/// ```
/// use annals::export::brief::{html, Brief};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let page = html(&Brief::new(&graph, 3, "Baghdad <2020>"), None);
/// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("Baghdad &lt;2020&gt;"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn html(b: &Brief<'_, '_>, svg: Option<&str>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"lead\">{}</p>\n",
        esc(&b.title),
        esc(&b.title),
        esc(&headline(b))
    );
    key_dates(b, &mut out);
    out.push_str("<h2>Diagram</h2>\n");
    match svg.and_then(|s| s.find("<svg").map(|i| &s[i..])) {
        Some(svg) => {
            let _ = writeln!(out, "<figure>\n{}\n</figure>", svg.trim_end());
        }
        None => out.push_str(
            "<p class=\"note\">No diagram: Graphviz's <code>dot</code> is not installed. \
             Install Graphviz (apt-get install graphviz, brew install graphviz) and run \
             the brief again.</p>\n",
        ),
    }
    if !b.chains.is_empty() {
        out.push_str("<h2>Causal chains</h2>\n<ul class=\"chains\">\n");
        for c in &b.chains {
            let _ = writeln!(out, "<li>{}</li>", esc(&chain(b, c)));
        }
        out.push_str("</ul>\n");
    }
    sources(b, &mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn key_dates(b: &Brief<'_, '_>, out: &mut String) {
    if b.lines.is_empty() {
        return;
    }
    out.push_str("<h2>Key dates</h2>\n<ol class=\"dates\">\n");
    for l in &b.lines {
        let _ = write!(
            out,
            "<li><time class=\"day\" datetime=\"{}\">{}</time>{} \
             <span class=\"meta\">— {}</span>",
            l.date.day.format("%Y-%m-%d"),
            esc(&spoken_day(l.date.day)),
            esc(&phrase(b, l.headline)),
            esc(&coverage(l))
        );
        if let Some(f) = followed_from(b, l) {
            let _ = write!(
                out,
                "<br><span class=\"from\">Followed from: {}</span>",
                esc(&f)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn sources(b: &Brief<'_, '_>, out: &mut String) {
    if b.sources.is_empty() {
        return;
    }
    out.push_str("<h2>Sources</h2>\n<ul class=\"sources\">\n");
    for s in &b.sources {
        let _ = writeln!(out, "<li>{}</li>", esc(&source_line(s)));
    }
    out.push_str("</ul>\n");
}
