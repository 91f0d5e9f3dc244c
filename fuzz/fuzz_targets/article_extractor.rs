//! Any bytes as an article (the first byte picks text, Markdown or HTML):
//! reading and extracting never panic, and the store extracted passes
//! `annals check`, its quote spans naming exactly their quotes.
#![no_main]

mod bytes;

use annals::extract::{extract, Article, Lexicon, Overrides};
use annals::store::write;
use annals::Severity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, text)) = bytes::pick_and_text(data) else {
        return;
    };
    let path = ["a.txt", "a.md", "a.html"][usize::from(pick % 3)];
    let overrides = Overrides {
        published: chrono::NaiveDate::from_ymd_opt(2020, 9, 29),
        ..Overrides::default()
    };
    let Ok(article) = Article::from_text(text, path, "a", &overrides) else {
        return;
    };
    let store = extract(&article, Lexicon::shipped());
    let written = write::toml_text(&store).expect("an extracted store is written");
    let (loaded, mut diags) = annals::store::parse("a.toml", &written);
    diags.extend(annals::graph::check::check(&loaded));
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let chars: Vec<char> = article.text.chars().collect();
    for e in &store.events {
        for c in &e.sources {
            if let Some([b, end]) = c.span {
                let quoted: String = chars[b..end].iter().collect();
                assert_eq!(quoted, c.quote);
            }
        }
    }
});
