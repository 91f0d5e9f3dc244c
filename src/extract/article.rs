//! Reading articles: plain text, Markdown with TOML front matter, saved
//! HTML pages, and JSON Lines batches.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::ExtractError;
use crate::error::{Diagnostic, Error, Location, Result};
use crate::model::date::{in_years, parse_day, Unit};
use crate::time::{self, DocType, TimexType};

/// One article, ready for extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Slug: from the file name or the batch `id`; also the source id.
    pub id: String,
    /// The document's name exactly as given (the file stem or the batch
    /// `id`): `--docs` output carries it as `doc`, so a program can join
    /// events to its own records whatever characters the id has.
    pub doc: String,
    /// Headline.
    pub title: String,
    /// Publication date: what relative dates count from.
    pub published: NaiveDate,
    /// Publisher.
    pub outlet: String,
    /// Address.
    pub url: String,
    /// Byline.
    pub author: Option<String>,
    /// The text; citation spans are code-point offsets into it.
    pub text: String,
    /// Where it came from, for messages: a path or `FILE:LINE`.
    pub path: String,
}

/// Command-line values that win over what the article says.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--published`.
    pub published: Option<NaiveDate>,
    /// `--title`.
    pub title: Option<String>,
    /// `--outlet`.
    pub outlet: Option<String>,
    /// `--url`.
    pub url: Option<String>,
}

/// The id of an article: its name as a slug.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

/// What a reader found before overrides are applied.
#[derive(Default)]
struct Parts {
    title: String,
    published: Option<NaiveDate>,
    outlet: String,
    url: String,
    author: Option<String>,
    text: String,
}

impl Article {
    /// An article from its text alone, for programs that already have the
    /// text and its date (a corpus, a test): no title, outlet or URL.
    ///
    /// ```
    /// use annals::extract::Article;
    /// use chrono::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    /// let a = Article::new("embassy", day, "Talks collapsed on Monday.");
    /// assert_eq!((a.id.as_str(), a.published), ("embassy", day));
    /// ```
    pub fn new(id: &str, published: NaiveDate, text: impl Into<String>) -> Article {
        Article {
            id: slug(id),
            doc: id.to_string(),
            title: String::new(),
            published,
            outlet: String::new(),
            url: String::new(),
            author: None,
            text: text.into(),
            path: id.to_string(),
        }
    }

    /// Reads an article file, by extension: `.md` (TOML front matter),
    /// `.html`/`.htm`, anything else as plain text. An article without a
    /// publication date is [`ExtractError::NoDate`] unless `overrides`
    /// gives one; one that cannot be read is [`ExtractError::Article`].
    ///
    /// ```
    /// use annals::extract::{Article, ExtractError, Overrides};
    ///
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("talks.md");
    /// std::fs::write(&path, "+++\ntitle = \"Talks\"\n+++\nTalks collapsed on Monday.\n")?;
    /// let undated = Article::from_path(&path, &Overrides::default());
    /// assert!(matches!(undated, Err(annals::Error::Extract(ExtractError::NoDate { .. }))));
    /// let given = Overrides { published: chrono::NaiveDate::from_ymd_opt(2020, 9, 29), ..Overrides::default() };
    /// assert_eq!(Article::from_path(&path, &given)?.title, "Talks");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: &Path, overrides: &Overrides) -> Result<Article> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, e))?;
        let text = crate::input::decoded(&shown, bytes).map_err(ExtractError::Article)?;
        if text.contains('\0') {
            return Err(ExtractError::Article(
                Diagnostic::error(
                    Some(Location::Path(shown)),
                    "the file looks binary (it contains NUL bytes)",
                )
                .with_help("give a text, Markdown or HTML article"),
            )
            .into());
        }
        let stem = path
            .file_stem()
            .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
        Article::from_text(&text, &shown, &stem, overrides)
    }

    /// Reads an article from its text; `path` names it in messages and its
    /// extension chooses the reader; `name` gives the id.
    pub fn from_text(text: &str, path: &str, name: &str, overrides: &Overrides) -> Result<Article> {
        let text = crate::input::without_bom(text);
        let lower = path.to_ascii_lowercase();
        let parts = if lower.ends_with(".md") || lower.ends_with(".markdown") {
            markdown(text, path)?
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            html(text)
        } else {
            plain(text)
        };
        finish(parts, path, name, overrides)
    }
}

fn finish(parts: Parts, path: &str, name: &str, o: &Overrides) -> Result<Article> {
    let published = o
        .published
        .or(parts.published)
        .ok_or_else(|| ExtractError::NoDate {
            path: path.to_string(),
        })?;
    Ok(Article {
        id: slug(name),
        doc: name.to_string(),
        title: o.title.clone().unwrap_or(parts.title),
        published,
        outlet: o.outlet.clone().unwrap_or(parts.outlet),
        url: o.url.clone().unwrap_or(parts.url),
        author: parts.author,
        text: parts.text,
        path: path.to_string(),
    })
}

/// A full date in a header line ("By | September 29, 2020", "BAGHDAD, Sept
/// 29 (Reuters) -", "Published: 2020-09-29"), found by the temporal tagger.
fn header_date(line: &str) -> Option<NaiveDate> {
    // Two far reference dates: a date the line spells out completely is
    // the same day from either, while a relative one ("on Monday") follows
    // its reference and is not the article's.
    let days = |year| -> Vec<NaiveDate> {
        let Some(far) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        time::tag(line, far, DocType::News)
            .into_iter()
            .filter(|t| t.kind == TimexType::Date)
            .filter_map(|t| match t.date.filter(|d| d.ends().is_none())?.unit()? {
                Unit::Day(d) => Some(d),
                _ => None,
            })
            .collect()
    };
    let other = days(2);
    days(1).into_iter().find(|d| other.contains(d))
}

fn plain(text: &str) -> Parts {
    let mut parts = Parts {
        text: text.to_string(),
        ..Parts::default()
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    parts.title = lines.next().unwrap_or("").trim().to_string();
    for line in text.lines().take(8) {
        if let Some(d) = header_date(line) {
            parts.published = Some(d);
            break;
        }
    }
    parts
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default)]
    title: String,
    published: Option<toml::value::Datetime>,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    url: String,
    author: Option<String>,
}

fn markdown(text: &str, path: &str) -> Result<Parts> {
    let Some(rest) = text.strip_prefix("+++") else {
        return Ok(plain(text));
    };
    let Some(end) = rest.find("\n+++") else {
        return Err(ExtractError::Article(
            Diagnostic::error(
                Some(Location::File {
                    path: path.into(),
                    line: 1,
                    column: 1,
                }),
                "front matter opened with +++ is never closed",
            )
            .with_help("end the TOML front matter with a line of +++"),
        )
        .into());
    };
    // CRLF files: the line before the closing +++ ends in a CR.
    let front = rest[..end].trim_end_matches('\r');
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    let fm: FrontMatter = toml::from_str(front).map_err(|e| {
        ExtractError::Article(
            crate::error::toml_error(path, text, 3, &e, |m| format!("bad front matter: {m}"))
                .with_help("front matter keys are title, published, outlet, url, author"),
        )
    })?;
    let published = fm.published.and_then(|d| d.date).and_then(|d| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            .filter(|d| in_years(*d))
    });
    let mut parts = plain(body);
    if !fm.title.is_empty() {
        parts.title = fm.title;
    }
    parts.published = published.or(parts.published);
    parts.outlet = fm.outlet;
    parts.url = fm.url;
    parts.author = fm.author;
    Ok(parts)
}

fn html(text: &str) -> Parts {
    use scraper::{Html, Selector};
    let doc = Html::parse_document(text);
    let sel = |s: &str| Selector::parse(s).ok();
    let meta = |names: &[&str]| -> Option<String> {
        for n in names {
            let s = sel(&format!(
                "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
            ))?;
            if let Some(v) = doc.select(&s).find_map(|e| e.value().attr("content")) {
                if !v.trim().is_empty() {
                    return Some(v.trim().to_string());
                }
            }
        }
        None
    };
    let first_text = |s: &str| -> Option<String> {
        let s = sel(s)?;
        doc.select(&s).next().map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let mut parts = Parts {
        title: meta(&["og:title", "twitter:title"])
            .or_else(|| first_text("h1"))
            .or_else(|| first_text("title"))
            .unwrap_or_default(),
        outlet: meta(&["og:site_name", "application-name"]).unwrap_or_default(),
        url: sel("link[rel=\"canonical\"]")
            .and_then(|s| {
                doc.select(&s)
                    .find_map(|e| e.value().attr("href"))
                    .map(str::to_string)
            })
            .or_else(|| meta(&["og:url"]))
            .unwrap_or_default(),
        author: meta(&["author", "article:author"]),
        ..Parts::default()
    };
    let date_text = meta(&[
        "article:published_time",
        "datePublished",
        "pubdate",
        "dc.date",
        "DC.date.issued",
        "date",
    ])
    .or_else(|| json_ld_date(&doc))
    .or_else(|| {
        sel("time[datetime]").and_then(|s| {
            doc.select(&s)
                .find_map(|e| e.value().attr("datetime"))
                .map(str::to_string)
        })
    });
    parts.published = date_text.and_then(|d| d.get(..10).and_then(|d| parse_day(d).ok()));
    // The readable text: paragraphs and headings of the article or main
    // element (else the body), without navigation, scripts and asides.
    let root = ["article", "main", "[role=\"main\"]", "body"]
        .iter()
        .filter_map(|s| sel(s))
        .find_map(|s| doc.select(&s).next());
    let mut blocks = Vec::new();
    if let (Some(root), Some(block)) = (root, sel("h1, h2, h3, p, li, blockquote")) {
        let skip = sel("nav, script, style, header, footer, aside, form, noscript");
        let skipped: Vec<_> = skip
            .map(|s| root.select(&s).map(|e| e.id()).collect())
            .unwrap_or_default();
        for e in root.select(&block) {
            if e.ancestors().any(|a| skipped.contains(&a.id())) {
                continue;
            }
            let t = e
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !t.is_empty() {
                blocks.push(t);
            }
        }
    }
    if blocks.first() != Some(&parts.title) && !parts.title.is_empty() {
        blocks.insert(0, parts.title.clone());
    }
    parts.text = blocks.join("\n\n");
    parts
}

fn json_ld_date(doc: &scraper::Html) -> Option<String> {
    let s = scraper::Selector::parse("script[type=\"application/ld+json\"]").ok()?;
    for e in doc.select(&s) {
        let text: String = e.text().collect();
        if let Some(i) = text.find("\"datePublished\"") {
            let rest = &text[i + 15..];
            let start = rest.find('"')? + 1;
            let end = rest[start..].find('"')? + start;
            return Some(rest[start..end].to_string());
        }
    }
    None
}

#[derive(Deserialize)]
struct BatchLine {
    id: String,
    #[serde(deserialize_with = "crate::model::date::deserialize_day")]
    published: NaiveDate,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: String,
}

/// One article of a JSON Lines batch (`{"id", "published", "title",
/// "outlet", "url", "text"}`; other fields are ignored). `line` is 1-based.
pub fn batch_line(path: &str, line: usize, json: &str) -> Result<Article> {
    let b: BatchLine = serde_json::from_str(json).map_err(|e| {
        ExtractError::Article(Diagnostic::error(
            Some(Location::File { path: path.into(), line, column: e.column().max(1) }),
            format!("bad article: {e}"),
        )
        .with_help("each line is {\"id\", \"published\": \"YYYY-MM-DD\", \"title\", \"outlet\", \"url\", \"text\"}"))
    })?;
    Ok(Article {
        id: slug(&b.id),
        doc: b.id,
        title: b.title.unwrap_or_default(),
        published: b.published,
        outlet: b.outlet.unwrap_or_default(),
        url: b.url.unwrap_or_default(),
        author: None,
        text: b.text,
        path: format!("{path}:{line}"),
    })
}
