//! Which way a clause looks from the reference date, as far as a bare
//! weekday or month needs to know: "Friday" is last Friday in "the talks
//! ended Friday" and next Friday in "the talks will resume Friday".
//!
//! The text layer's dependency parse decides. The expression hangs from a
//! predicate ("resume"), and that predicate's tense, aspect and modality
//! say which way it looks: its auxiliaries ("will", "would", "has", "had"),
//! its own form (a past tense, a participle, an infinitive) and the words
//! of the lexicon's `[tense_cues]` ("scheduled", "due", "meets"). A
//! predicate without tense of its own (a gerund, a noun) takes the tense
//! of the clause it hangs from; a finite clause in the present speaks for
//! itself, so a past verb of reporting above it ("officials said the talks
//! resume Friday") does not count. Only sentences with an expression that
//! needs its direction are parsed.

use std::cell::OnceCell;

use super::lexicon::{lexicon, sets as words, Bound, Form};
use super::scan::Token;
use crate::text::{Doc, Model, Sentence, Token as TextToken, Upos};

/// The direction a clause points in, relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// Reports what happened: a bare day or month is the last one.
    Past,
    /// Announces, plans or predicts: the next one.
    Future,
}

/// One parsed word, as much of it as tense needs.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Byte span of the word.
    start: usize,
    end: usize,
    upos: Upos,
    xpos: &'static str,
    /// The head, as an index within the sentence.
    head: Option<usize>,
    deprel: &'static str,
}

/// The parse of a text's sentences, each read when first asked for.
pub struct Syntax<'a> {
    text: &'a str,
    tokens: &'a [TextToken],
    sentences: &'a [Sentence],
    parses: Vec<OnceCell<Vec<Node>>>,
    /// For each sentence, whether any of its words could make a clause
    /// look ahead (see [`may_look_ahead`]), read when first asked for.
    ahead: Vec<OnceCell<bool>>,
    /// The model that parses a sentence when first asked for (the shipped
    /// one, loaded only then, if none).
    model: Option<&'static Model>,
}

impl<'a> Syntax<'a> {
    /// Sentences of `text` to be parsed with the shipped model on demand.
    pub fn lazy(text: &'a str, tokens: &'a [TextToken], sentences: &'a [Sentence]) -> Self {
        Syntax {
            text,
            tokens,
            sentences,
            parses: (0..sentences.len()).map(|_| OnceCell::new()).collect(),
            ahead: (0..sentences.len()).map(|_| OnceCell::new()).collect(),
            model: None,
        }
    }

    /// The parse a caller already has; `tokens` are its words' tokens.
    /// The sentences the document left unanalysed ([`Doc::parse_some`])
    /// are parsed with its model when first asked for.
    pub fn parsed(doc: &'a Doc<'_>, tokens: &'a [TextToken]) -> Self {
        let mut syntax = Syntax::lazy(doc.text(), tokens, &doc.sentences);
        syntax.model = Some(doc.model());
        for (i, (cell, s)) in syntax.parses.iter().zip(&doc.sentences).enumerate() {
            if !doc.analysed(i) {
                continue;
            }
            let nodes = doc.words[s.tokens.clone()].iter().map(|w| Node {
                start: w.token.start,
                end: w.token.end,
                upos: w.upos,
                xpos: w.xpos,
                head: w.head.map(|h| h - s.tokens.start),
                deprel: w.deprel,
            });
            // A fresh cell: it cannot be full.
            let _ = cell.set(nodes.collect());
        }
        syntax
    }

    /// The words of sentence `s`, if the tokens given reach it.
    fn words(&self, s: usize) -> Option<&'a [TextToken]> {
        self.tokens.get(self.sentences.get(s)?.tokens.clone())
    }

    fn forms(&self, words: &[TextToken]) -> Vec<&'a str> {
        words.iter().map(|t| t.form(self.text)).collect()
    }

    fn model(&self) -> &'static Model {
        self.model.unwrap_or_else(Model::shipped)
    }

    /// The words of sentence `s`, parsed.
    fn sentence(&self, s: usize) -> Option<&[Node]> {
        // A sentence past the tokens given is not there to parse.
        let tokens = self.words(s)?;
        let nodes = self.parses[s].get_or_init(|| {
            let analyses = self.model().analyse(&self.forms(tokens));
            tokens
                .iter()
                .zip(analyses)
                .map(|(t, a)| Node {
                    start: t.start,
                    end: t.end,
                    upos: a.upos,
                    xpos: a.xpos,
                    head: a.head,
                    deprel: a.deprel,
                })
                .collect()
        });
        Some(nodes)
    }

    /// Whether sentence `s` lies on the text's first line with more lines
    /// after it: the headline, or a caption standing for one.
    fn headline(&self, s: usize) -> bool {
        let Some(line_end) = self.text.find('\n') else {
            return false;
        };
        let more = !self.text[line_end..].trim().is_empty();
        more && self
            .words(s)
            .and_then(<[TextToken]>::last)
            .is_some_and(|t| t.end <= line_end)
    }

    fn lower(&self, n: &Node) -> String {
        self.text[n.start..n.end].to_lowercase()
    }

    /// Whether any word of sentence `s` could make one of its clauses look
    /// ahead in [`clause`]: a word of the lexicon that looks ahead (a
    /// modal, a plan or fixture word, "next"), the "to" of an infinitive,
    /// or a verb the tagger reads as a present ("meet", "opens", "is"). A
    /// parsed sentence is read from its parse; any other from its tags
    /// alone, a fifth of the cost of parsing it.
    fn may_look_ahead(&self, s: usize) -> bool {
        if self.parses.get(s).is_some_and(|p| p.get().is_some()) {
            return true;
        }
        let Some(cell) = self.ahead.get(s) else {
            return false;
        };
        *cell.get_or_init(|| {
            let Some(forms) = self.words(s).map(|w| self.forms(w)) else {
                return false;
            };
            let cued = |form: &&str| {
                let lower = form.to_lowercase();
                lower == "to" || lexicon().get(&lower).and_then(|l| l.tense) == Some(Tense::Future)
            };
            forms.iter().any(cued)
                || self
                    .model()
                    .tags(&forms)
                    .iter()
                    .any(|x| matches!(*x, "VBZ" | "VBP"))
        })
    }
}

/// False when the clause that governs the expression at `tokens[i]` cannot
/// look ahead, which its sentence's words and tags tell without a parse
/// ("On Tuesday the convoy left at 2 a.m.": no modal, plan word,
/// infinitive or present tense, so Tuesday is behind); true when it may,
/// and [`tense`] must read the parse to know. A word bounding the
/// expression ("until", "by") may make it look ahead in any clause.
pub fn may_look_ahead(syntax: &Syntax<'_>, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    deadline(tokens, i).is_some() || syntax.may_look_ahead(t.sentence as usize)
}

/// What a clause says of its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// It looks this way.
    Looks(Tense),
    /// A past perfect ("had closed"): a past before the past.
    Perfect,
    /// It is finite but says nothing (a present: "the talks are due").
    Silent,
    /// It has no tense of its own (a gerund, a noun): ask the clause above.
    Untensed,
    /// A plan described by a participle: the clause above decides, and
    /// if it does not, the plan looks ahead.
    Planned,
}

impl Reading {
    fn tense(self) -> Option<Tense> {
        match self {
            Reading::Looks(t) => Some(t),
            Reading::Perfect => Some(Tense::Past),
            Reading::Planned => Some(Tense::Future),
            Reading::Silent | Reading::Untensed => None,
        }
    }
}

/// The tense of the clause that governs the expression starting at
/// `tokens[i]`, or `None` when the clause does not say.
pub fn tense(syntax: &Syntax<'_>, tokens: &[Token], i: usize) -> Option<Tense> {
    let t = tokens.get(i)?;
    let nodes = syntax.sentence(t.sentence as usize)?;
    let w = nodes.iter().position(|n| n.end > t.start)?;
    if said_right_before(syntax, nodes, tokens, i, w) {
        return Some(Tense::Past);
    }
    let headline = syntax.headline(t.sentence as usize);
    let (clause, direct) = governing(syntax, nodes, w, headline);
    match (deadline(tokens, i), clause) {
        // "until Thursday, they had not...", "not until Tuesday did...":
        // the bound of a state that is over.
        (Some(Deadline::Until), Reading::Perfect) => Some(Tense::Past),
        (Some(Deadline::Until | Deadline::Soon), _) => Some(Tense::Future),
        (Some(Deadline::Behind), _) => Some(Tense::Past),
        // "by February", "effective Feb. 1": ahead, unless the verb it
        // bounds is past ("completed by March", "had left by Friday").
        (Some(Deadline::By), Reading::Perfect) => Some(Tense::Past),
        (Some(Deadline::By), Reading::Looks(Tense::Past)) if direct => Some(Tense::Past),
        (Some(Deadline::By), _) => Some(Tense::Future),
        (None, r) => r.tense(),
    }
}

/// True when the word right before the expression is a verb of saying in
/// the past ("Cuba predicted Wednesday", "officials said Friday"): the day
/// is the saying's, however the parse hangs it (a long quotation before it
/// may take its verb for a modifier of the day). A possessive day ("said
/// Friday's vote will") belongs to what follows.
fn said_right_before(
    syntax: &Syntax<'_>,
    nodes: &[Node],
    tokens: &[Token],
    i: usize,
    w: usize,
) -> bool {
    let Some(v) = w.checked_sub(1).map(|v| &nodes[v]) else {
        return false;
    };
    let possessive = tokens
        .get(i + 1)
        .is_some_and(|t| t.lower == "'" || t.lower == "’" || t.lower == "'s");
    matches!(v.xpos, "VBD" | "VBN") && words().reporting.contains(&syntax.lower(v)) && !possessive
}

/// A word that bounds the expression in time, right in front of it or its
/// own modifiers ("until mid-November", "by the end of").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deadline {
    /// "until", "till": what lasts up to a day still to come...
    Until,
    /// ...unless "not until", "up until"; and "since".
    Behind,
    By,
    /// "as soon as", "as early as".
    Soon,
}

fn deadline(tokens: &[Token], i: usize) -> Option<Deadline> {
    let sentence = tokens.get(i)?.sentence;
    // What may stand between a bound and its time: a modifier ("until
    // mid-November", "by the end of"), an approximator ("until about").
    let modifier = |t: &&Token| {
        let part = t.lex.and_then(|l| l.modifier);
        t.sentence == sentence
            && (part.is_some_and(|m| m.form != Form::Comparative)
                || words().approximators.contains(&t.lower)
                || words().bound_fillers.contains(&t.lower))
    };
    let skipped = tokens[..i].iter().rev().take_while(modifier).count();
    let k = i.checked_sub(skipped + 1)?;
    if tokens[k].sentence != sentence {
        return None;
    }
    let prev = k.checked_sub(1).map_or("", |p| tokens[p].lower.as_str());
    match tokens[k].lex.and_then(|l| l.bound) {
        Some(Bound::Until) if words().until_behind.contains(prev) => Some(Deadline::Behind),
        Some(Bound::Until) => Some(Deadline::Until),
        Some(Bound::Since) => Some(Deadline::Behind),
        // "sales this year through August" close a span to date.
        Some(Bound::By) if tokens[k].lower == "through" && words().to_date.contains(prev) => None,
        // "guards stand by Friday": a particle of its verb, no deadline.
        Some(Bound::By) if words().by_particles.contains(prev) => None,
        Some(Bound::By) => Some(Deadline::By),
        _ if tokens[k].lower == "as" && words().earliest.contains(prev) => Some(Deadline::Soon),
        _ => None,
    }
}

/// The reading of the first clause above word `w` that has a tense, and
/// whether `w` hangs from that clause directly.
fn governing(syntax: &Syntax<'_>, nodes: &[Node], w: usize, headline: bool) -> (Reading, bool) {
    let mut k = w;
    // A word that is its own predicate ("the vote was Friday") reads its
    // copula; any other starts from its head.
    if !is_predicate(syntax, nodes, k) || nodes[k].upos == Upos::Aux {
        match nodes[k].head {
            Some(h) => k = h,
            None => return (Reading::Untensed, false),
        }
    }
    let mut planned = false;
    for _ in 0..nodes.len() {
        if is_predicate(syntax, nodes, k) {
            let direct = k == w || nodes[w].head == Some(k);
            // A verb of saying dates the saying; what hangs from it through
            // a noun after what was said began ("said ferries would sail,
            // with a crossing from August 6") belongs to what was said.
            let said = children(nodes, k).find(|&c| base(nodes[c].deprel) == "ccomp");
            let reported = words().reporting.contains(&syntax.lower(&nodes[k]));
            let k = match said {
                Some(c) if reported && !direct && w > c => c,
                _ => k,
            };
            match clause(
                syntax,
                nodes,
                k,
                At {
                    w,
                    direct,
                    headline,
                },
            ) {
                Reading::Untensed => {}
                Reading::Planned => planned = true,
                Reading::Silent if planned => return (Reading::Planned, false),
                r => return (r, direct),
            }
        }
        match nodes[k].head {
            Some(h) => k = h,
            None => break,
        }
    }
    let r = if planned {
        Reading::Planned
    } else {
        Reading::Untensed
    };
    (r, false)
}

/// Where the expression stands from the predicate being read: its word,
/// whether it hangs from the predicate directly rather than from a noun of
/// its ("a cutback in its supply in September"), and whether it stands in
/// the text's headline.
#[derive(Debug, Clone, Copy)]
struct At {
    w: usize,
    direct: bool,
    headline: bool,
}

/// A verb (a word with letters: the parser takes some numbers for verbs),
/// a word with an auxiliary or copula of its own, or a word the lexicon
/// gives a tense at the head of a clause (the tagger takes the verb of
/// "talks resume in October" or "the boat sank" for a noun).
fn is_predicate(syntax: &Syntax<'_>, nodes: &[Node], k: usize) -> bool {
    let n = &nodes[k];
    let word = &syntax.text[n.start..n.end];
    let heads_clause = matches!(base(n.deprel), "root" | "conj" | "parataxis");
    (n.upos == Upos::Verb && word.bytes().any(|b| b.is_ascii_alphabetic()))
        || children(nodes, k).any(|c| is_aux(&nodes[c]))
        || (heads_clause && n.upos != Upos::Adv && cue(syntax, n).is_some())
}

fn is_aux(n: &Node) -> bool {
    matches!(base(n.deprel), "aux" | "cop")
}

fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

fn children(nodes: &[Node], k: usize) -> impl Iterator<Item = usize> + '_ {
    (0..nodes.len()).filter(move |&c| nodes[c].head == Some(k))
}

/// The lexicon's direction for a word ("will", "scheduled", "previously").
fn cue(syntax: &Syntax<'_>, n: &Node) -> Option<Tense> {
    lexicon()
        .get(&syntax.lower(n))
        .and_then(|l| l.tense)
        // "May" the month is not "may" the modal.
        .filter(|_| n.upos != Upos::Propn)
}

/// What predicate `p` says of its time, from its auxiliaries, its
/// adverbs and its own form.
fn clause(syntax: &Syntax<'_>, nodes: &[Node], p: usize, at: At) -> Reading {
    let pred = &nodes[p];
    let kids: Vec<usize> = children(nodes, p).collect();
    let word = |c: usize| syntax.lower(&nodes[c]);
    let auxes = || kids.iter().copied().filter(|&c| is_aux(&nodes[c]));
    // "had closed", "previously scheduled": a past before the past, or a
    // plan that is over.
    let perfect =
        auxes().any(|c| words().past_perfect.contains(&word(c)) && nodes[c].xpos == "VBD");
    let behind = kids
        .iter()
        .any(|&c| base(nodes[c].deprel) == "advmod" && cue(syntax, &nodes[c]) == Some(Tense::Past));
    if perfect || behind {
        return Reading::Perfect;
    }
    // A modal ("will", "would", "may") looks ahead.
    if auxes().any(|c| cue(syntax, &nodes[c]) == Some(Tense::Future)) {
        return Reading::Looks(Tense::Future);
    }
    // Its own word: "scheduled", "due", "meets": a plan or fixture looks
    // ahead whatever its tense, for what follows it ("protesters planned
    // a demonstration on Saturday"); a day in front is when the plan was
    // made ("On Friday, the government planned to pay"). A participle
    // describes what the clause above tells ("a service planned for
    // Saturday was cancelled").
    let fronted = at.w < p && pred.xpos == "VBD" && auxes().next().is_none();
    if cue(syntax, pred) == Some(Tense::Future) && !fronted {
        let described = base(pred.deprel) == "acl" && auxes().next().is_none();
        return if described {
            Reading::Planned
        } else {
            Reading::Looks(Tense::Future)
        };
    }
    if cue(syntax, pred) == Some(Tense::Past) && auxes().next().is_none() {
        return Reading::Looks(Tense::Past);
    }
    // "has closed", "have been searching": a present perfect reports what
    // happened.
    let past =
        auxes().any(|c| nodes[c].xpos == "VBD" || words().present_perfect.contains(&word(c)));
    if past {
        return Reading::Looks(Tense::Past);
    }
    let present = auxes().any(|c| matches!(nodes[c].xpos, "VBZ" | "VBP"));
    // "is meeting Friday": a present progressive with a date is a plan.
    if present && pred.xpos == "VBG" && at.direct {
        return Reading::Looks(Tense::Future);
    }
    if auxes().next().is_some() {
        return Reading::Silent;
    }
    let infinitive = kids
        .iter()
        .any(|&c| base(nodes[c].deprel) == "mark" && word(c) == "to");
    match pred.xpos {
        // "the talks ended Friday", "the talks held Friday".
        "VBD" | "VBN" => Reading::Looks(Tense::Past),
        "VB" if infinitive => infinitive_reading(syntax, nodes, p, at),
        // "the leaders meet Monday", "the trial opens at 9 a.m. Tuesday":
        // a simple present with a day of its own tells a fixture (English's
        // present for what is scheduled); a verb of saying dates nothing
        // ahead ("says Tuesday"), nor a form that is its own past
        // ("rockets hit the embassy on Sunday"), nor a headline, whose
        // present tells what has just happened ("Egyptians continue
        // protests Friday").
        "VBZ" | "VBP" if at.direct && !at.headline && fixture(syntax, pred) => {
            Reading::Looks(Tense::Future)
        }
        "VBZ" | "VBP" | "MD" => Reading::Silent,
        _ => Reading::Untensed,
    }
}

/// True when a predicate in the simple present may tell a fixture: not
/// a verb of saying, and not a form written as its own past (the tagger
/// reads "hit" after a plural as a present).
fn fixture(syntax: &Syntax<'_>, pred: &Node) -> bool {
    let word = syntax.lower(pred);
    let past_too = pred.xpos == "VBP" && words().unchanged_pasts.contains(&word);
    !words().reporting.contains(&word) && !past_too
}

/// An infinitive that completes its verb ("agreed to pay by February")
/// lies ahead of it, unless that verb is a past perfect ("had been due to
/// expire") or an implicative past ("came to visit me on Thursday": the
/// visit is told as done, `[word_sets] implicatives`); one of purpose,
/// after the verb's object ("staged celebrations to mark the entry on
/// Friday"), looks ahead only as far as its verb does.
fn infinitive_reading(syntax: &Syntax<'_>, nodes: &[Node], p: usize, at: At) -> Reading {
    let Some(h) = nodes[p].head else {
        return Reading::Looks(Tense::Future);
    };
    let above = clause(syntax, nodes, h, at);
    let purpose = base(nodes[p].deprel) != "xcomp"
        || children(nodes, h).any(|c| base(nodes[c].deprel) == "obj" && c < p);
    match above {
        // "offers to acquire the company Friday": ask the noun's clause.
        Reading::Untensed | Reading::Perfect => above,
        Reading::Looks(Tense::Future) | Reading::Planned => Reading::Looks(Tense::Future),
        // "came to visit me on Thursday", "had to resign on Saturday".
        Reading::Looks(Tense::Past) if words().implicatives.contains(&syntax.lower(&nodes[h])) => {
            above
        }
        _ if purpose || !at.direct => Reading::Silent,
        _ => Reading::Looks(Tense::Future),
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{tokenize, Doc, Model};
    use crate::time::{tag_parsed, tag_parsed_until, DocType};

    /// A sentence the document left unanalysed is parsed when a bare
    /// weekday in it needs its clause's tense: the expressions come out as
    /// from the document analysed whole.
    #[test]
    fn unanalysed_sentences_are_parsed_when_asked_for() {
        let text = "The talks ended on Monday. They will resume Friday. Officials met Friday.";
        let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 30).expect("a day");
        let all = Doc::parse(text);
        let some = Doc::parse_some(
            text,
            tokenize(text),
            Model::shipped(),
            &[false, false, true],
        );
        let want = tag_parsed(&all, day, DocType::News);
        assert_eq!(want.len(), 3);
        assert_ne!(want[1].value, want[2].value);
        assert_eq!(tag_parsed(&some, day, DocType::News), want);
    }

    /// A sentence without a modal, plan word, infinitive or present tense
    /// cannot look ahead, and its weekday is read without its parse; the
    /// others may. Either way the expressions are those of the sentences
    /// parsed whole.
    #[test]
    fn only_a_sentence_that_may_look_ahead_is_parsed() {
        let text = "On Tuesday the convoy left at 2 a.m. The talks resume Friday. \
                    Officials will meet on Monday. They agreed to pay on Thursday.";
        let layer = tokenize(text);
        let syntax = super::Syntax::lazy(text, &layer.tokens, &layer.sentences);
        let ahead: Vec<bool> = (0..4).map(|s| syntax.may_look_ahead(s)).collect();
        assert_eq!(ahead, [false, true, true, true]);
        assert!(syntax.parses.iter().all(|p| p.get().is_none()));
        let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 30).expect("a day");
        let lazy = crate::time::tag(text, day, DocType::News);
        assert_eq!(lazy[0].value, "2020-09-29");
        assert_eq!(lazy, tag_parsed(&Doc::parse(text), day, DocType::News));
    }

    /// Tagging up to a sentence gives the expressions tagging the whole
    /// text gives before it, whatever the sentence, and none after.
    #[test]
    fn tagging_until_a_sentence_is_a_prefix_of_tagging_all() {
        let text = "The talks ended on Monday. They will resume Friday. \
                    The next day, officials met. A week later they met again on Friday.";
        let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 30).expect("a day");
        let doc = Doc::parse(text);
        let all = tag_parsed(&doc, day, DocType::News);
        assert!(all.len() >= 4, "{all:?}");
        for k in 0..=doc.sentences.len() + 1 {
            let end = doc.sentences.get(k).map_or(text.len(), |s| s.start);
            let want: Vec<_> = all.iter().filter(|t| t.byte_end <= end).cloned().collect();
            assert_eq!(tag_parsed_until(&doc, day, DocType::News, k), want, "{k}");
        }
    }
}
