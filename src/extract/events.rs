//! From parsed sentences to events and links: each predicate that names a
//! kind is one event, with its roles, mode and date read from the parse;
//! causal cues link them.

use std::collections::{HashMap, HashSet};

use super::actors::Actors;
use super::article::Article;
use super::bounds::{quote_window, Acyclic, CharIndex, Ids};
use super::casualties::casualties;
use super::causal::{self, Cue};
use super::coref::Antecedents;
use super::frames::Frames;
use super::furniture::Furniture;
use super::lexicon::Lexicon;
use super::modes::{intent, mode_of, refusal, reporter};
use super::noise;
use super::pairs::CausalModel;
use super::predicates::{self, Predicate};
use super::retold::{self, Act, Acts};
use super::roles::{self, Roles};
use super::sentence::Sent;
use super::states;
use super::title::title;
use super::verbs::Verbs;
use crate::model::{
    Actor, Citation, Event, EventDate, Kind, Link, Mode, Relation, Source, Store, Text, Unit,
    LINK_END,
};
use crate::text::{Doc, Model, Tokenized, Upos};
use crate::time::{self, DocType, Timex};

/// An event in the making.
struct Draft {
    sentence: usize,
    predicate: Predicate,
    mode: Mode,
    roles: Roles,
    killed: Option<u32>,
    injured: Option<u32>,
    date: Option<EventDate>,
    title: String,
    /// Byte span of the trigger word.
    trigger: (usize, usize),
    /// Whether its own words name nobody ([`noise::anonymous`]).
    anonymous: bool,
    /// Whether it is in the simple present ([`noise::generic`]).
    generic: bool,
    /// Whether it is what someone is accused of ([`noise::accused`]).
    accused: bool,
    /// Whether it is a state or a development ([`states::state`]).
    state: bool,
    /// Whether it is a noun of a condition ([`states::condition`]).
    condition: bool,
    /// Whether it is only wished, possible or a purpose ([`mode_of`]).
    meant: bool,
    /// Whether it is a word of planning, fearing, threatening or denying
    /// ([`framing`]).
    framing: bool,
    /// Whether it is a noun of what crowds do that names no one
    /// ([`roles::crowd_act`]): once kept as a happening, protesters do it.
    crowd: bool,
}

/// Words that carry the story's current date into a sentence that gives
/// none of its own ("Then they marched…").
const CONTINUES: [&str; 11] = [
    "it",
    "they",
    "he",
    "she",
    "this",
    "these",
    "those",
    "then",
    "later",
    "afterwards",
    "there",
];

/// The day a story's narration has reached: the last sentence that told,
/// in the simple past, an act of that day, and how many sentences with no
/// date of their own have carried the day on since its date was given.
struct Scene {
    sentence: usize,
    date: EventDate,
    hops: u8,
}

/// How many sentences with no date of their own a scene's day is carried
/// into ("Protesters set the building afire Friday night. They looted
/// it. Police fired on them.").
const SCENE_HOPS: u8 = 2;

/// Runs the extractor over one article, skipping the sentences that are
/// the batch's `furniture`.
pub fn extract(
    article: &Article,
    lex: &Lexicon,
    model: &CausalModel,
    furniture: &Furniture,
) -> Store {
    let text = &article.text;
    let layer = crate::text::tokenize(text);
    let read = to_read(article, &layer, furniture);
    let doc = Doc::parse_some(text, layer, Model::shipped(), &read);
    // Nothing after the last sentence read is dated (often a page's reader
    // comments, full of clock times).
    let last = read.iter().rposition(|&r| r).map_or(0, |s| s + 1);
    let timexes = time::tag_parsed_until(&doc, article.published, DocType::News, last);
    let (frames, verbs) = (Frames::shipped(), Verbs::shipped());
    let mut drafts: Vec<Draft> = Vec::new();
    let mut links: Vec<(usize, usize, Relation, usize)> = Vec::new();
    let mut story: Option<(usize, EventDate)> = None;
    let mut scene: Option<Scene> = None;
    let mut antecedents = Antecedents::default();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if !read[si] {
            continue;
        }
        let s = Sent::new(
            &doc,
            sentence.tokens.clone(),
            text,
            &timexes,
            lex,
            article.published,
        );
        // A presenter's aside still names whom later pronouns stand for
        // ("We should mention that Mubarak has appointed a vice
        // president. … He has also appointed…").
        let pronouns = antecedents.read(&s, si);
        if conversation(&s) {
            continue;
        }
        let from = drafts.len();
        // What a page glued before the sentence names no event.
        let body = super::furniture::body_start(&s);
        let mut preds = predicates::find(&s, lex, frames, verbs);
        preds.retain(|p| p.word >= body);
        let mut at: HashMap<usize, usize> = HashMap::new();
        for p in &preds {
            if let Some(d) = draft(&s, si, *p, frames) {
                at.insert(p.word, drafts.len());
                at.entry(p.anchor).or_insert(drafts.len());
                drafts.push(d);
            }
        }
        let kind_at = |w: usize| {
            preds
                .iter()
                .find(|p| p.word == w || p.anchor == w)
                .map(|p| p.kind)
        };
        for Cue {
            from: a,
            to: b,
            relation,
        } in causal::cues(&s, frames, model, &kind_at)
        {
            if a.min(b) < body {
                continue;
            }
            let mark = drafts.len();
            let (Some(x), Some(y)) = (
                event_at(&s, si, a, &mut at, &mut drafts, frames),
                event_at(&s, si, b, &mut at, &mut drafts, frames),
            ) else {
                continue;
            };
            if [x, y].iter().all(|&d| nobody(&s, &drafts[d]))
                || [x, y]
                    .iter()
                    .any(|&d| hollow(&s, &drafts[d], frames, verbs))
            {
                // Nothing known happening for nothing known: "he has
                // devoted himself to agitating", "this is a good step".
                drafts.truncate(mark);
                at.retain(|_, d| *d < mark);
                continue;
            }
            // "Plans to withdraw", "prepared for the withdrawal": the
            // link of a framing word of no kind is the framed act's.
            let framed = |d: usize| {
                let p = &drafts[d].predicate;
                (drafts[d].framing && p.kind == Kind::Other)
                    .then(|| retold::framed(&s, p.word, &at))
                    .flatten()
                    .unwrap_or(d)
            };
            let (x, y) = (framed(x), framed(y));
            if x != y {
                links.push((x, y, relation, si));
            }
        }
        for d in &mut drafts[from..] {
            stand_for(&s, d, &pronouns);
        }
        share_place(&mut drafts[from..]);
        governed_targets(&s, &mut drafts[from..]);
        // The day the story has told of so far, when it is before the
        // report's ([`recapped`]).
        let told = story
            .as_ref()
            .map(|(_, date)| date.latest())
            .filter(|&day| day < article.published);
        let sentence_date = date_events(&s, text, &timexes, &at, &mut drafts, frames, told);
        let continues = s
            .toks
            .first()
            .is_some_and(|t| CONTINUES.contains(&t.lower.as_str()));
        let scene_goes_on = scene
            .as_ref()
            .filter(|sc| {
                sc.sentence + 1 == si && sc.hops < SCENE_HOPS && !s.in_timex.contains(&true)
            })
            .map(|sc| sc.date.clone());
        let mut scene_date: Option<(EventDate, bool)> = None;
        for d in &mut drafts[from..] {
            let own = d.date.is_some();
            // "(Update 4:22 p.m.) About 5,000 people have been injured
            // since the unrest began": what has been going on up to now
            // is no act of one day ([`span_to_now`]).
            if d.date.is_none() {
                let narrated = narrated(&s, d, frames);
                let carried = sentence_date
                    .clone()
                    .or_else(|| {
                        story
                            .as_ref()
                            .filter(|(prev, _)| continues && prev + 1 == si)
                            .map(|(_, date)| date.clone())
                    })
                    .or_else(|| scene_goes_on.clone().filter(|_| narrated))
                    .filter(|date| {
                        let stamp = sentence_date.as_ref() == Some(date);
                        inherits(&s, d.predicate.anchor, date, stamp, frames)
                    });
                if narrated && scene_date.is_none() {
                    scene_date = carried.clone().map(|c| (c, sentence_date.is_none()));
                }
                d.date = carried;
            } else if own && scene_date.is_none() && narrated(&s, d, frames) {
                scene_date = d.date.clone().map(|c| (c, false));
            }
            // "Condemned the attacks Friday amid mounting criticism":
            // what goes on around the act has gone on up to its day.
            if states::around(&s, &d.predicate, frames) {
                if let Some(day) = d.date.take() {
                    d.date = if day.is_exact_day() {
                        EventDate::until(&day).ok()
                    } else {
                        Some(day)
                    };
                }
            }
            if ongoing(&s, d.predicate.anchor) {
                d.date = d
                    .date
                    .take()
                    .and_then(|date| span_to_now(&s, d.predicate.anchor, date, article.published));
            }
        }
        if let Some(d) = drafts[from..].iter().find_map(|d| d.date.clone()) {
            story = Some((si, d));
        }
        scene = scene_date
            .filter(|(date, _)| date.is_exact_day() && date.latest() <= article.published)
            .map(|(date, carried)| Scene {
                sentence: si,
                hops: scene
                    .as_ref()
                    .filter(|_| carried)
                    .map_or(0, |sc| sc.hops + 1),
                date,
            });
    }
    date_effects_from_causes(&mut drafts, &links, article);
    build(article, text, &doc, drafts, links)
}

/// Which sentences of an article (tokenized as `layer`) are read: not its
/// headline or byline, not the batch's `furniture` or a page item off its
/// topic, nothing from a reader's first comment on. Decided before the
/// parse, so that what is skipped is never parsed.
fn to_read(article: &Article, layer: &Tokenized, furniture: &Furniture) -> Vec<bool> {
    let text = &article.text;
    let off_topic = furniture.off_topic(text, layer);
    // Once a reader's comment begins, the rest of the page is comments.
    let mut comments = false;
    layer
        .sentences
        .iter()
        .enumerate()
        .map(|(si, sentence)| {
            let words = &text[sentence.start..sentence.end];
            comments |= super::furniture::comment_stamp(words);
            let headline = !article.title.is_empty()
                && (article.title.starts_with(words) || words.starts_with(&article.title));
            !(headline
                || words.starts_with("By ") && words.len() < 60
                || furniture.contains(words)
                || off_topic[si]
                || comments)
        })
        .collect()
}

/// The event of predicate `p`, unless the sentence says it did not happen.
fn draft(s: &Sent<'_, '_, '_>, si: usize, mut p: Predicate, frames: &Frames) -> Option<Draft> {
    if refusal(s, &p, frames) {
        p.refused = true;
        p.kind = Kind::Reject;
    }
    let (mut mode, mut meant) = mode_of(s, &p, frames)?;
    let mut roles = Roles::of(s, &p, frames);
    // A feared, threatened or denied act keeps its mode; it is nobody's
    // announced intention.
    let intended = (!p.refused && !matches!(mode, Mode::Feared | Mode::Threatened | Mode::Denied))
        .then(|| intent(s, &p, frames))
        .flatten();
    if let Some((kind, m)) = intended {
        if kind == Kind::Request {
            // "Russia said Sudan must return the helicopter": Russia
            // demands it of Sudan.
            if let Some(speaker) =
                reporter(s, p.anchor, frames).and_then(|r| roles::subject_of(s, r))
            {
                roles.targets = std::mem::take(&mut roles.actors);
                roles.actors = roles::participants(s, speaker);
            }
        }
        p.kind = kind;
        mode = m;
    }
    // "Rallies planned for Tuesday", "this will open up the possibility",
    // "trying to protect": a plan no one is named to hold is a forecast,
    // a hope or an attempt, not a decision anyone announced.
    meant |= mode == Mode::Planned && roles.actors.is_empty();
    if p.kind == Kind::Coerce && civil_obstruction(s, &p, &roles, frames) {
        p.kind = Kind::Protest;
    }
    let (killed, injured) = if p.kind == Kind::Assault {
        casualties(&s.toks)
    } else {
        (None, None)
    };
    // A refusal is someone's: "the law does not provide penalties" refuses
    // nothing.
    if p.refused && roles.actors.is_empty()
        || bare_noun(s, &p, &roles)
        || bare_verb(s, &p, &roles)
        || aside(s, &p)
        || p.cameo && roles.actors.is_empty() && roles.targets.is_empty()
        || noise::owed(s, &p, frames)
        || noise::asked_infinitive(s, &p, frames)
        || noise::attributive(s, &p, &roles)
        || noise::thing(s, &p, frames)
        || noise::topic(s, &p, frames)
        || noise::imperative(s, &p)
        || noise::describing(s, &p)
        || noise::as_planned(s, &p)
    {
        return None;
    }
    let title = title(s, &p, &roles);
    let condition = states::condition(s, &p, &frames.states);
    Some(Draft {
        sentence: si,
        predicate: p,
        mode,
        roles,
        killed,
        injured,
        date: None,
        title,
        trigger: (s.toks[p.word].start, s.toks[p.word].end),
        anonymous: noise::anonymous(s, &p),
        crowd: roles::crowd_act(s, &p),
        generic: noise::generic(s, &p, frames),
        accused: noise::accused(s, &p, frames),
        state: states::state(s, &p, frames, condition),
        condition,
        meant,
        framing: framing(s, p.word, frames),
    })
}

/// "He said", "they rallied", "their demonstrations": an event whose
/// subject (or whose governor's, for a participle with none: "they kept
/// coming, ignoring the curfew"), or a noun event whose possessor, is a
/// pronoun that stands for
/// a named subject before it ([`Antecedents`]) is that one's act, or done
/// to it when passive ("he was arrested") or a noun of an act done to
/// someone ("his arrest"); its title names it.
fn stand_for(s: &Sent<'_, '_, '_>, d: &mut Draft, pronouns: &HashMap<usize, Vec<Actor>>) {
    let p = &d.predicate;
    let Some((pronoun, actors)) = roles::subject_of(s, p.anchor)
        .or_else(|| roles::participle_subject_of(s, p))
        .or_else(|| (p.anchor == p.word).then(|| possessor(s, p.word)).flatten())
        .and_then(|w| pronouns.get(&w).map(|a| (w, a)))
    else {
        return;
    };
    let frames = Frames::shipped();
    // "he was arrested", "his arrest": done to him.
    let patient = s.deprel(pronoun) == "nsubj:pass"
        || s.deprel(pronoun) == "nmod:poss"
            && frames.roles.patient_nouns.contains(&*s.lower_lemma(p.word));
    let role = if patient {
        &mut d.roles.targets
    } else {
        &mut d.roles.actors
    };
    if role.is_empty() {
        role.clone_from(actors);
        let Roles {
            actors, targets, ..
        } = &mut d.roles;
        targets.retain(|t| !actors.contains(t));
        d.title = title(s, &d.predicate, &d.roles);
    }
}

/// The possessive pronoun of noun `n` ("their demonstrations").
fn possessor(s: &Sent<'_, '_, '_>, n: usize) -> Option<usize> {
    s.children(n)
        .find(|&c| s.deprel(c) == "nmod:poss" && s.upos(c) == Upos::Pron)
}

/// "We'll also talk to two Americans", "you make a selection", "How many
/// of you older Americans became richer": outside quotation marks, a
/// sentence in the first or second person is the writer, a presenter or a
/// reader talking to their audience, not news. News tells of third
/// persons; its first and second persons are inside quotations.
fn conversation(s: &Sent<'_, '_, '_>) -> bool {
    !s.quotes()
        && (0..s.len()).any(|w| {
            s.upos(w) == Upos::Pron
                && matches!(
                    s.toks[w].lower.as_str(),
                    "i" | "me" | "my" | "we" | "us" | "our" | "you" | "your"
                )
                // "US" is the country.
                && s.toks[w].text != "US"
        })
}

/// Obstruction done by people rather than a state: workers blocking a
/// bridge protest, police blocking a road coerce.
fn civil_obstruction(s: &Sent<'_, '_, '_>, p: &Predicate, roles: &Roles, frames: &Frames) -> bool {
    frames
        .roles
        .civil_obstruction
        .contains(&*s.lower_lemma(p.word))
        && roles
            .actors
            .first()
            .and_then(|a| a.role)
            .is_some_and(|r| frames.roles.civil_roles.contains(&r))
}

/// A sentence that names one place sets the scene for all its events:
/// "five died when rockets hit a building in Baghdad".
fn share_place(drafts: &mut [Draft]) {
    let mut places = drafts.iter().filter_map(|d| d.roles.place.as_ref());
    let Some(first) = places.next().cloned() else {
        return;
    };
    if places.all(|p| *p == first) {
        for d in drafts.iter_mut() {
            d.roles.place.get_or_insert_with(|| first.clone());
        }
    }
}

/// "refused to deploy peacekeepers in Iraq", "threatened to ban voting
/// in East Jerusalem": an act that names no target of its own is done to
/// whoever the act it governs (a controlled infinitive, `xcomp`) is done
/// to, however that act found its targets (its object, the place of an
/// act done to a place, what it demands).
fn governed_targets(s: &Sent<'_, '_, '_>, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if !drafts[i].roles.targets.is_empty() {
            continue;
        }
        let anchor = drafts[i].predicate.anchor;
        let inherited: Vec<Actor> = drafts
            .iter()
            .filter(|e| {
                s.head(e.predicate.anchor) == Some(anchor) && s.rel(e.predicate.anchor) == "xcomp"
            })
            .flat_map(|e| e.roles.targets.iter().cloned())
            .filter(|t| !drafts[i].roles.actors.contains(t))
            .collect();
        drafts[i].roles.targets = inherited;
    }
}

/// An eventive noun with nothing to say who, whom, where or when, and no
/// verb to carry it ("the target of missile attacks", "with the support
/// of"): a mention of a kind of event, not a report of one.
fn bare_noun(s: &Sent<'_, '_, '_>, p: &Predicate, roles: &Roles) -> bool {
    s.upos(p.word) == Upos::Noun
        && p.anchor == p.word
        && p.kind != Kind::Other
        && roles.actors.is_empty()
        && roles.targets.is_empty()
        && roles.place.is_none()
        // An argument of a verb is reported as happening ("followed by
        // military action"); a noun's modifier only names a kind of event.
        && !matches!(s.rel(p.word), "nsubj" | "root" | "obj" | "obl" | "iobj")
        && !s.children(p.word).any(|c| s.in_timex[c])
}

/// A participle that only describes a noun, with nobody to it ("the
/// so-called green zone", "the banned group", "the planned deployment"):
/// no report of a happening.
///
/// The noun's own determiner, possessor or preposition before the participle tells
/// it is inside a noun phrase; without one ("helicopters shelled
/// positions") the parse may have taken a finite verb for a participle.
fn bare_verb(s: &Sent<'_, '_, '_>, p: &Predicate, roles: &Roles) -> bool {
    s.upos(p.word) == Upos::Verb
        && p.anchor == p.word
        && s.rel(p.word) == "amod"
        && roles.actors.is_empty()
        && roles.targets.is_empty()
        && s.head(p.word).is_some_and(|n| {
            s.children(n).any(|d| {
                d < p.word && (matches!(s.rel(d), "det" | "case") || s.deprel(d) == "nmod:poss")
            })
        })
}

/// A participle in parentheses with no subject of its own, an aside
/// about a name ("the group (banned in Russia)", "Hamas (designated a
/// terrorist group)"): what the text says of the name, not what it reports.
fn aside(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let w = p.word;
    let opened = (0..w)
        .rev()
        .map(|k| s.toks[k].text.as_str())
        .find(|t| *t == "(" || *t == ")")
        == Some("(");
    let closed = (w + 1..s.len())
        .map(|k| s.toks[k].text.as_str())
        .find(|t| *t == "(" || *t == ")")
        == Some(")");
    // "(IGIL – banned in Russia)": a participle with no auxiliary is no
    // finite clause, whatever subject the parse gave it, and a past tense
    // with no subject of its own is such a participle misread.
    let participle = matches!(s.xpos(w), "VBN" | "VBG")
        || s.xpos(w) == "VBD" && s.children_by(w, &["nsubj"]).is_empty();
    s.upos(w) == Upos::Verb
        && participle
        && opened
        && closed
        && (roles::subject_of(s, p.anchor).is_none() || s.children_by(w, &["aux"]).is_empty())
}

/// Whether the verb's subject is a noun, a name or a number rather than a
/// pronoun or nothing.
fn noun_subject(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    roles::subject_of(s, v)
        .is_some_and(|w| matches!(s.upos(w), Upos::Noun | Upos::Propn | Upos::Num))
}

/// A verb of no known kind with nobody named to do it or suffer it: its
/// subject is a pronoun or missing ("he has devoted himself", "this is a
/// good step"). "Fuel prices rose" still names what happened.
fn nobody(s: &Sent<'_, '_, '_>, d: &Draft) -> bool {
    let p = &d.predicate;
    p.kind == Kind::Other
        && s.upos(p.word) == Upos::Verb
        && d.roles.actors.is_empty()
        && d.roles.targets.is_empty()
        && !noun_subject(s, p.anchor)
}

/// A link's end of no known kind that names no happening: a noun that is
/// no event ("prayers", "the story", "their rights") or a group that acts
/// ("forces", "police"). A noun names one
/// when the causal table says it does ([`Frames::eventive_noun`]) or it is
/// a verb of the CAMEO dictionary or of the treebank ("the fall").
fn hollow(s: &Sent<'_, '_, '_>, d: &Draft, frames: &Frames, verbs: &Verbs) -> bool {
    let p = &d.predicate;
    if p.kind != Kind::Other || s.upos(p.word) != Upos::Noun {
        return false;
    }
    let lemma = s.lemma(p.word);
    // "Pro-Iranian forces", "police": who acts is no happening.
    Actors::shipped().agent(lemma).is_some()
        || !(frames.eventive_noun(lemma)
            || verbs.knows(lemma)
            || Model::shipped().is_verb_lemma(lemma))
}

/// The event a link's end names: the event of that word, or a new event
/// of kind `other` when the word is a verb or a common noun that is no
/// event of a known kind ("fuel prices rose, which sparked protests").
fn event_at(
    s: &Sent<'_, '_, '_>,
    si: usize,
    w: usize,
    at: &mut HashMap<usize, usize>,
    drafts: &mut Vec<Draft>,
    frames: &Frames,
) -> Option<usize> {
    if let Some(&d) = at.get(&w) {
        return Some(d);
    }
    // "opened fire", "launched a campaign": a noun an event's verb takes
    // as object is part of that event (as in `predicates::find`), unless
    // the verb is only meant: "to take steps" gives the steps as a fact.
    if s.upos(w) == Upos::Noun && s.rel(w) == "obj" {
        if let Some(&d) = s.head(w).and_then(|h| at.get(&h)) {
            if !drafts[d].meant {
                return Some(d);
            }
        }
    }
    // "Shelling became more frequent after…": a linking verb's eventive
    // subject is the event.
    if let Some(d) = s
        .children_by(w, &["nsubj"])
        .into_iter()
        .find_map(|c| at.get(&c).copied())
    {
        return Some(d);
    }
    // "Shelling (became) more frequent after…": an adjective or adverb
    // belongs to the event of its clause.
    // "Five were hurt": an adjective of harm is the event of its clause.
    let harm = s.upos(w) == Upos::Adj && frames.harm.contains(&*s.lower_lemma(w));
    if !matches!(s.upos(w), Upos::Verb | Upos::Noun) && !harm {
        let mut k = w;
        while let Some(h) = s.head(k) {
            if let Some(&d) = at.get(&h) {
                return Some(d);
            }
            if matches!(s.upos(h), Upos::Verb | Upos::Noun) {
                break;
            }
            k = h;
        }
    }
    if !(matches!(s.upos(w), Upos::Verb | Upos::Noun) || harm)
        || s.in_timex[w]
        || s.mention_of[w].is_some()
    {
        return None;
    }
    if s.upos(w) == Upos::Verb
        && (frames.weak.contains(&*s.lower_lemma(w))
            || frames.reporting.contains(&*s.lower_lemma(w)))
    {
        // "Tried to storm the building": the storming is the event.
        let governed = ["xcomp", "obj", "ccomp"]
            .iter()
            .find_map(|rel| s.children_by(w, &[rel]).into_iter().next());
        return governed.and_then(|c| event_at(s, si, c, at, drafts, frames));
    }
    let p = Predicate {
        word: w,
        anchor: w,
        kind: Kind::Other,
        cameo: false,
        code: None,
        refused: false,
    };
    let d = draft(s, si, p, frames)?;
    at.insert(w, drafts.len());
    drafts.push(d);
    Some(drafts.len() - 1)
}

/// Whether word `w` is a verb or noun of planning, fearing, threatening
/// or denying (`[modes]` of `frames.toml`): it sets the mode of the event
/// it frames ("has prepared for the withdrawal", "plans to withdraw"),
/// and is no happening of its own.
fn framing(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    let lemma = s.lemma(w);
    matches!(s.upos(w), Upos::Verb | Upos::Noun)
        && (frames.planned.contains(lemma)
            || frames.threatened.contains(lemma)
            || frames.feared.contains(lemma)
            || frames.denied.contains(lemma))
}

/// Dates the sentence's events from the date expressions that modify
/// them. Each expression dates the nearest event or verb above it; each
/// event takes the date of the nearest dated word at or above it, but not
/// across a reporting verb: "said on Sunday" dates the statement, not
/// what it reports. Returns the date of an expression that hangs from no
/// verb or event, which dates the whole sentence.
fn date_events(
    s: &Sent<'_, '_, '_>,
    text: &str,
    timexes: &[Timex],
    at: &HashMap<usize, usize>,
    drafts: &mut [Draft],
    frames: &Frames,
    told: Option<chrono::NaiveDate>,
) -> Option<EventDate> {
    let (lo, hi) = (s.toks.first()?.start, s.toks.last()?.end);
    let first = timexes.partition_point(|t| t.byte_begin < lo);
    let mut sentence_date = None;
    // The date of each dated word, and where its expression is.
    let mut dated: HashMap<usize, (EventDate, usize)> = HashMap::new();
    for t in timexes[first..].iter().take_while(|t| t.byte_end <= hi) {
        let Some(date) = t.date.clone() else { continue };
        if dateline(text, t) {
            continue;
        }
        let inside = |k: usize| s.toks[k].start >= t.byte_begin && s.toks[k].end <= t.byte_end;
        let Some(head) = (0..s.len())
            .filter(|&k| inside(k))
            .find(|&k| s.head(k).is_none_or(|h| !inside(h)))
        else {
            continue;
        };
        let mut w = head;
        let mut holder = None;
        while let Some(h) = s.head(w) {
            if at.contains_key(&h) || matches!(s.upos(h), Upos::Verb) {
                holder = Some(h);
                break;
            }
            w = h;
        }
        match holder {
            Some(h) => {
                let date = recapped(s, t, h, &date, told).unwrap_or(date);
                dated.entry(h).or_insert((date, head));
            }
            None => {
                sentence_date.get_or_insert(date);
            }
        }
    }
    let mut events: Vec<usize> = at.values().copied().collect();
    events.sort_unstable();
    events.dedup();
    for d in events {
        let p = drafts[d].predicate;
        let own = dated
            .get(&p.word)
            .or_else(|| dated.get(&p.anchor))
            .map(|(d, _)| d.clone());
        // Only a fact may take the date of the saying that reports it.
        let fact = matches!(drafts[d].mode, Mode::Asserted | Mode::Reported) && !drafts[d].meant;
        let date = own.or_else(|| {
            from_above(s, p.anchor, fact, &dated, at, frames)
                .or_else(|| same_moment(s, p.anchor, &dated, frames))
                .or_else(|| of_saying(s, p.anchor, fact, &dated, frames))
                .filter(|date| inherits(s, p.anchor, date, false, frames))
        });
        if drafts[d].date.is_none() {
            drafts[d].date = date;
        }
    }
    sentence_date
}

/// "Thursday, a leading opposition figure returns home": in a recap of
/// past days told in the present, a weekday `t` read as the coming one
/// (the tagger's reading of a present) points back to the last one,
/// when the story has `told` of an earlier day before it: the day of a
/// bare weekday after publication, for verb `h` in the simple present,
/// moved back a week to a day after the one told and before publication.
fn recapped(
    s: &Sent<'_, '_, '_>,
    t: &Timex,
    h: usize,
    date: &EventDate,
    told: Option<chrono::NaiveDate>,
) -> Option<EventDate> {
    let told = told?;
    let words = t.text.trim();
    let weekday = words
        .strip_prefix("on ")
        .unwrap_or(words)
        .parse::<chrono::Weekday>()
        .is_ok();
    let present = matches!(s.xpos(h), "VBZ" | "VBP") && s.children_by(h, &["aux"]).is_empty();
    let day = date.earliest();
    let back = day.checked_sub_days(chrono::Days::new(7))?;
    let published = s.on;
    (weekday
        && present
        && date.is_exact_day()
        && day > published
        && told < back
        && back < published)
        .then(|| EventDate::day(back))
}

/// The date of the nearest dated word above word `v`, but not across a
/// reporting verb ("said on Sunday" dates the statement, not what it
/// reports) unless `v` is a `fact` that heads the clause reported and
/// goes on at the time of the saying ([`at_saying`]), nor from a noun
/// event to the act it is a modifier of ([`apart`]) when the date comes
/// before the noun.
fn from_above(
    s: &Sent<'_, '_, '_>,
    v: usize,
    fact: bool,
    dated: &HashMap<usize, (EventDate, usize)>,
    at: &HashMap<usize, usize>,
    frames: &Frames,
) -> Option<EventDate> {
    let mut k = v;
    // The first verb above whose clause is another's, joined to it with
    // a subject of its own.
    let mut joined: Option<usize> = None;
    // The noun event of another time than what it modifies, passed on the
    // way up.
    let mut other_time: Option<usize> = None;
    while let Some(h) = s.head(k) {
        if reports(s, k, h, frames) && !(fact && k == v && at_saying(s, k, h)) {
            return None;
        }
        if joined.is_none() && own_conjunct(s, k, frames) {
            joined = Some(h);
        }
        if other_time.is_none() && at.contains_key(&k) && apart(s, k, frames) {
            other_time = Some(k);
        }
        if let Some((found, at)) = dated.get(&h) {
            // "The army put down riots in 1986, and he threw 30,000
            // people in jail when…": a date inside the first clause is
            // its own; one before it ("In 1986, the army put down riots
            // and he threw…") is both. A date after a noun event of
            // another time is the parse's misplaced modifier of that noun
            // ("after the death of Suleimani on January 3"); one before
            // it is the act's ("rallied Friday against the crackdown").
            let own = joined.is_none_or(|j| *at < j) && other_time.is_none_or(|n| *at > n);
            return own.then(|| found.clone());
        }
        k = h;
    }
    None
}

/// "Rallied Friday against the crackdown", "a rally Monday in support of
/// the uprising": whether noun `k` (an event's) is at another time than
/// the word it modifies, after a preposition of `[dating] apart` or as
/// the modifier of a noun of `[dating] relating` ("the anniversary of a
/// demonstration").
fn apart(s: &Sent<'_, '_, '_>, k: usize, frames: &Frames) -> bool {
    s.upos(k) == Upos::Noun
        && (s.rel(k) == "nmod"
            && s.head(k)
                .is_some_and(|h| frames.dating.relating.contains(s.lower_lemma(h).as_ref()))
            || s.children_by(k, &["case"])
                .into_iter()
                .any(|c| frames.dating.apart.contains(s.toks[c].lower.as_str())))
}

/// The date of the clause of the same moment as verb `v`'s
/// ([`simultaneous`]): its own such clause's ("died when two rockets hit
/// on Monday"), or, when it is one hung from a reporting verb, the date
/// of the clause that verb reports before it ("died last Monday when two
/// rockets hit a building, officials said").
fn same_moment(
    s: &Sent<'_, '_, '_>,
    v: usize,
    dated: &HashMap<usize, (EventDate, usize)>,
    frames: &Frames,
) -> Option<EventDate> {
    let of_own_clause = s
        .children_by(v, &["advcl"])
        .into_iter()
        .filter(|&c| simultaneous(s, c, frames))
        .find_map(|c| dated.get(&c));
    // The parse may take the clause for a second thing reported.
    let of_reported = || {
        let h = s.head(v).filter(|&h| {
            frames.reporting.contains(&*s.lower_lemma(h))
                && (simultaneous(s, v, frames) || s.rel(v) == "ccomp" && subordinated(s, v, frames))
        })?;
        let reported = s
            .children_by(h, &["ccomp", "parataxis"])
            .into_iter()
            .rfind(|&c| c < v)?;
        dated.get(&reported)
    };
    of_own_clause
        .or_else(of_reported)
        .map(|(date, _)| date.clone())
}

/// Whether verb `c` heads a clause of time with a subject of its own
/// whose subordinator (`[dating] simultaneous`) makes it happen when its
/// main clause does ("when two rockets hit", "as police fired").
fn simultaneous(s: &Sent<'_, '_, '_>, c: usize, frames: &Frames) -> bool {
    s.rel(c) == "advcl" && subordinated(s, c, frames)
}

/// Whether verb `c` has a subject of its own and a subordinator of
/// `[dating] simultaneous` before it.
fn subordinated(s: &Sent<'_, '_, '_>, c: usize, frames: &Frames) -> bool {
    s.upos(c) == Upos::Verb
        && !s.children_by(c, &["nsubj"]).is_empty()
        && s.children_by(c, &["mark", "advmod"]).into_iter().any(|m| {
            m < c
                && frames
                    .dating
                    .simultaneous
                    .contains(s.toks[m].lower.as_str())
        })
}

/// Whether verb or noun `v` may take `date` from outside its own words
/// (the clause above it, the sentence's, the story's): not a clause or
/// phrase of `since`, which starts a span ("pray for those who have died
/// since the protests started"), and a present perfect, which tells of
/// some time up to now, no single day ("U.S. officials have discussed
/// …, a spokesman said Thursday"; "in recent weeks, attacks grew more
/// frequent and convoys have been attacked" keeps the weeks), unless
/// `date` is the `stamp` of the sentence, a date that hangs from no word
/// ("(Update 9:19 p.m.) thousands have gathered"), and the perfect is
/// the writer's, not what someone reports.
fn inherits(
    s: &Sent<'_, '_, '_>,
    v: usize,
    date: &EventDate,
    stamp: bool,
    frames: &Frames,
) -> bool {
    let perfect = present_perfect(s, v);
    let since = s
        .children_by(v, &["mark", "case"])
        .into_iter()
        .any(|m| s.toks[m].lower == "since");
    // The writer's perfect under a stamp is of the stamp's day.
    let writers_stamp = stamp && !reported(s, v, frames);
    !(since || perfect && date.is_exact_day() && !writers_stamp)
}

/// Whether draft `d` narrates an act in the simple past, in the writer's
/// voice: asserted or attributed after the telling ("…, police said",
/// "according to …"), a verb in the past tense ("stormed", "were
/// arrested", "were protesting", "was being beaten", not "had stormed",
/// "have stormed" or "would storm"), not a verb of saying nor what one
/// reports after naming its source, not inside quotation marks.
/// Such a sentence with no date of its own goes on with the scene of the
/// sentence before it.
fn narrated(s: &Sent<'_, '_, '_>, d: &Draft, frames: &Frames) -> bool {
    let v = d.predicate.anchor;
    let auxes = s.children_by(v, &["aux"]);
    let past = s.xpos(v) == "VBD" && auxes.is_empty()
        || matches!(s.xpos(v), "VBN" | "VBG")
            && auxes.iter().any(|&a| s.xpos(a) == "VBD")
            && auxes
                .iter()
                .all(|&a| s.lemma(a) == "be" && matches!(s.xpos(a), "VBD" | "VBG"));
    // "Three people died in the clashes, according to the news agency",
    // "…, police said": a sentence that names its source after telling
    // the act is still told in the writer's voice; "police said that …"
    // is the source's.
    let source_first = reporting_verb(s, v, frames).is_some_and(|h| h < v);
    matches!(d.mode, Mode::Asserted | Mode::Reported)
        && !(d.generic || d.meant || d.state)
        && s.upos(v) == Upos::Verb
        && past
        && !frames.reporting.contains(&*s.lower_lemma(v))
        && !source_first
        && !quoted(s, v)
}

/// Whether word `k`, hung from `h`, heads what `h`, a reporting verb,
/// reports ("said the talks had stalled").
fn reports(s: &Sent<'_, '_, '_>, k: usize, h: usize, frames: &Frames) -> bool {
    frames.reporting.contains(&*s.lower_lemma(h)) && matches!(s.rel(k), "ccomp" | "parataxis")
}

/// Whether the clause of word `k`, which a reporting verb reports, goes
/// on at the time of the saying, so that the saying's date is its own: a
/// present or a progressive, with no modal, future or perfect auxiliary
/// ("a singer is being sought, police said Friday", "said Friday the
/// United States supports", "said thousands were gathering"), a past
/// only under a reporting verb `h` in the past. A simple past
/// may be of any day before the saying ("Israel struck Gaza, officials
/// said on Friday").
fn at_saying(s: &Sent<'_, '_, '_>, k: usize, h: usize) -> bool {
    let auxes = s.children_by(k, &["aux", "cop"]);
    let finite = auxes.first().copied().unwrap_or(k);
    let progressive = s.xpos(k) == "VBG" || auxes.iter().any(|&a| s.xpos(a) == "VBG");
    let plain = auxes
        .iter()
        .all(|&a| s.xpos(a) != "MD" && s.lemma(a) != "have" && s.lemma(a) != "do");
    plain
        && match s.xpos(finite) {
            "VBZ" | "VBP" => true,
            // A past only under a past: "saying they were expecting"
            // tells of a time before the saying.
            "VBD" => progressive && finite != k && s.xpos(h) == "VBD",
            _ => false,
        }
}

/// "A singer is being sought, police said Friday": the date of the
/// reporting verb after verb `v` that the parse hangs from the clause it
/// reports, `v`, when `v` is a `fact` that goes on at the time of the saying
/// ([`at_saying`]).
fn of_saying(
    s: &Sent<'_, '_, '_>,
    v: usize,
    fact: bool,
    dated: &HashMap<usize, (EventDate, usize)>,
    frames: &Frames,
) -> Option<EventDate> {
    if !fact {
        return None;
    }
    // The parse may take the saying after the clause for a relative one.
    s.children_by(v, &["parataxis", "ccomp", "acl"])
        .into_iter()
        .filter(|&c| c > v && frames.reporting.contains(&*s.lower_lemma(c)) && at_saying(s, v, c))
        .find_map(|c| dated.get(&c))
        .map(|(date, _)| date.clone())
}

/// Whether word `w` is inside what a reporting verb reports.
fn reported(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    reporting_verb(s, w, frames).is_some()
}

/// The reporting verb that reports what word `w` is inside, if any.
fn reporting_verb(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> Option<usize> {
    let mut k = w;
    while let Some(h) = s.head(k) {
        if reports(s, k, h, frames) {
            return Some(h);
        }
        k = h;
    }
    None
}

/// Whether word `w` stands between quotation marks: an odd number of
/// them before it.
fn quoted(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    s.toks[..w].iter().filter(|t| t.quote_mark()).count() % 2 == 1
}

/// Whether verb `v` is a present perfect: a present "have" among its
/// auxiliaries ("has closed", "have been searching").
pub(super) fn present_perfect(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    s.upos(v) == Upos::Verb
        && s.children_by(v, &["aux"])
            .into_iter()
            .any(|a| s.lemma(a) == "have" && matches!(s.xpos(a), "VBZ" | "VBP"))
}

/// Whether verb `v` tells of what has been going on up to now: a present
/// perfect (a present "have" among its auxiliaries) that is progressive
/// ("have been marching", "has been ruling") or runs over a span ("have
/// been injured since the unrest began", "have gripped Egypt for two
/// weeks"). No single day is its date.
fn ongoing(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    present_perfect(s, v) && (s.xpos(v) == "VBG" || states::spanned(s, v))
}

/// The date of verb `v`, which tells of what has been going on up to now
/// ([`ongoing`]), given `date`: a span as it is; a day its `since` phrase
/// names starts a range that ends on the day of the report ("have been
/// protesting since Tuesday"); any other day (a live blog's stamp, the
/// day of the statement) is not its date, and it is undated.
fn span_to_now(
    s: &Sent<'_, '_, '_>,
    v: usize,
    date: EventDate,
    published: chrono::NaiveDate,
) -> Option<EventDate> {
    if !date.is_exact_day() {
        return Some(date);
    }
    let since = s.children_by(v, &["obl"]).into_iter().any(|c| {
        s.in_timex[c]
            && s.children_by(c, &["case"])
                .into_iter()
                .any(|m| s.toks[m].lower == "since")
    });
    let now = EventDate::of(Unit::Day(published)).ok()?;
    (since && date.earliest() < published)
        .then(|| EventDate::range(&date, &now).ok())
        .flatten()
}

/// Whether verb `k` is a conjunct with a subject and a time of its own:
/// a clause joined to another whose own subordinate clause of time
/// (`[noise] temporal`) places it ("…, and he threw them in jail when
/// jihadists carried out attacks"), not a second verb of the same subject
/// ("arrested him and released him") or a clause of the same moment
/// ("forbade protests Friday, but some went door to door").
fn own_conjunct(s: &Sent<'_, '_, '_>, k: usize, frames: &Frames) -> bool {
    s.rel(k) == "conj"
        && s.upos(k) == Upos::Verb
        && !s.children_by(k, &["nsubj"]).is_empty()
        && s.children_by(k, &["advcl"]).into_iter().any(|c| {
            s.children_by(c, &["mark", "advmod"])
                .into_iter()
                .any(|m| m < c && frames.noise.temporal.contains(s.toks[m].lower.as_str()))
        })
}

/// True for the date of a dateline ("GENEVA, March 10 (Reuters) -"): it
/// dates the report, not the events in it.
fn dateline(text: &str, t: &Timex) -> bool {
    let after = text[t.byte_end..].trim_start();
    let close = after
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == ')')
        .map(|(i, _)| i);
    after.starts_with('(')
        && close.is_some_and(|close| after[close + 1..].trim_start().starts_with(['-', '—', '–']))
}

/// "Shelling became more frequent after the death of X on January 3": an
/// effect the text does not date runs from its cause to publication.
fn date_effects_from_causes(
    drafts: &mut [Draft],
    links: &[(usize, usize, Relation, usize)],
    article: &Article,
) {
    for &(from, to, _, _) in links {
        if drafts[to].date.is_some() {
            continue;
        }
        let Some(cause) = drafts[from].date.clone() else {
            continue;
        };
        if cause.open_start() || cause.earliest() > article.published {
            continue;
        }
        let day = |d| EventDate::of(Unit::Day(d));
        drafts[to].date = day(cause.earliest())
            .and_then(|a| EventDate::range(&a, &day(article.published)?))
            .ok();
    }
}

/// Turns drafts into events with stable ids, and links into store links.
fn build(
    article: &Article,
    text: &str,
    doc: &Doc<'_>,
    drafts: Vec<Draft>,
    links: Vec<(usize, usize, Relation, usize)>,
) -> Store {
    let chars = CharIndex::new(text);
    let mut ids = Ids::default();
    let mut events = Vec::with_capacity(drafts.len());
    let published = EventDate::of(Unit::Day(article.published));
    let undated: Option<EventDate> = published.clone().and_then(|d| EventDate::until(&d)).ok();
    // What is planned, threatened, feared or on a condition has not
    // happened by the report: with no date of its own, it lies ahead.
    let ahead: Option<EventDate> = published.and_then(|d| EventDate::since(&d)).ok();
    for d in &drafts {
        let sentence = &doc.sentences[d.sentence];
        let open = if d.mode.is_unrealised() && d.mode != Mode::Denied {
            ahead.as_ref().or(undated.as_ref())
        } else {
            undated.as_ref()
        };
        let (date, tags) = match (&d.date, open) {
            (Some(date), _) => (date.clone(), vec![]),
            (None, Some(open)) => (open.clone(), vec!["undated".to_string()]),
            (None, None) => (
                EventDate::day(article.published),
                vec!["undated".to_string()],
            ),
        };
        let who = d.roles.actors.first().map_or("", |a| a.name.as_str());
        let trigger = [chars.chars(d.trigger.0), chars.chars(d.trigger.1)];
        let words = slug(&format!("{who} {}", d.title), 4);
        let base = [id_date(&date), words, report_key(&article.id, trigger)]
            .iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("-");
        let id = ids.fresh(&base);
        let confidence = match (d.date.is_some(), !d.roles.actors.is_empty()) {
            (true, true) => 0.8,
            (true, false) => 0.6,
            (false, true) => 0.5,
            (false, false) => 0.4,
        };
        let (qs, qe) = quote_window(text, sentence.start, sentence.end, d.trigger.0);
        let title = if d.title.is_empty() {
            d.predicate.kind.as_str().to_string()
        } else {
            d.title.clone()
        };
        events.push(Event {
            id: id.into(),
            date,
            title,
            summary: None,
            kind: d.predicate.kind,
            cameo: d.predicate.code.map(str::to_string),
            mode: d.mode,
            actors: d.roles.actors.clone(),
            targets: d.roles.targets.clone(),
            place: d.roles.place.as_deref().map(Text::from),
            killed: d.killed,
            injured: d.injured,
            tags,
            sources: vec![Citation {
                id: article.id.as_str().into(),
                quote: text[qs..qe].into(),
                span: Some([chars.chars(qs), chars.chars(qe)]),
                trigger: Some(trigger),
            }],
            confidence,
            discrepancies: Vec::new(),
        });
    }
    let mut kept = Acyclic::new(events.len());
    let mut store_links = Vec::new();
    for (from, to, relation, si) in links {
        // Links point from the earlier event to the later.
        let (a, b) = (&events[from], &events[to]);
        let (from, to) = if a.date.earliest() > b.date.latest() {
            (to, from)
        } else {
            (from, to)
        };
        if !kept.add(from, to) {
            continue;
        }
        let sentence = &doc.sentences[si];
        let (es, ee) = quote_window(text, sentence.start, sentence.end, drafts[to].trigger.0);
        store_links.push(Link {
            from: events[from].id.clone(),
            to: events[to].id.clone(),
            relation,
            evidence: text[es..ee].into(),
            source: Some(article.id.as_str().into()),
            confidence: 0.6,
        });
    }
    let acts: HashMap<Text, Act> = events
        .iter()
        .zip(&drafts)
        .map(|(e, d)| {
            let w = &doc.words[doc.sentences[d.sentence].tokens.start + d.predicate.word];
            (
                e.id.clone(),
                Acts::shipped().of(&w.lemma, w.upos == Upos::Noun),
            )
        })
        .collect();
    let (events, store_links) = worth_telling(events, &drafts, store_links);
    let (events, store_links) = retold::one_per_happening(events, store_links, &acts);
    Store {
        sources: vec![Source {
            id: article.id.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            url: article.url.clone(),
            published: article.published,
            author: article.author.clone(),
        }],
        events,
        links: store_links,
        rejected: Vec::new(),
    }
}

/// The events worth a line, and the links between them. An event of no
/// known kind exists only as an end of a link that says why (a cause, not
/// an order in time: "after" alone tells nothing of it); when its link was
/// refused (a self-link, a cycle), nothing is left to say. A hypothetical
/// ("would", "if") is no happening either: it stays only as the condition
/// or consequence of one. An event whose words name nobody (a bare
/// "attacks", "they asked") with no actor, target, date, count or link is
/// a mention, not a report. What someone is accused of
/// ([`noise::accused`]) is told by the accusation; it stays only as a
/// cause or effect ("charged for their murders").
///
/// What is only meant (wished, possible, a purpose: "locked the door to
/// protect her"), what the simple present says is so ([`noise::generic`]),
/// an end of no known kind that does not happen ("to head off unrest",
/// "could reopen"), what hangs on a condition ("will only begin if those
/// efforts fail") and a word of no known kind that only frames another
/// event ([`framing`]: "has prepared for the withdrawal") are no
/// happenings either, but a text may give them as a cause or an effect. Such an event is kept only at an end of a
/// causal link, with its mode and the tag [`LINK_END`]: a node of the
/// causal graph, which the timeline and the brief leave out.
fn worth_telling(
    mut events: Vec<Event>,
    drafts: &[Draft],
    links: Vec<Link>,
) -> (Vec<Event>, Vec<Link>) {
    let causal: Vec<(&Text, &Text)> = links
        .iter()
        .filter(|l| l.relation != Relation::Precedes)
        .map(|l| (&l.from, &l.to))
        .collect();
    let ends: HashSet<&Text> = causal.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut nodes: HashSet<Text> = events
        .iter()
        .zip(drafts)
        .filter(|(e, d)| {
            ends.contains(&e.id)
                && (no_happening(e, d)
                    || e.kind == Kind::Other && (e.mode.is_unrealised() || d.framing)
                    || e.mode == Mode::Conditional)
        })
        .map(|(e, _)| e.id.clone())
        .collect();
    // What is told only for its link (no known kind, a hypothetical, a
    // mention) is a node too when every link it has is to a node ("locked
    // the door to protect her"); a noun of a condition at its other end
    // does not make it one ("huddled with his team to discuss the
    // crisis").
    let conditions: HashSet<&Text> = events
        .iter()
        .zip(drafts)
        .filter(|(_, d)| d.condition)
        .map(|(e, _)| &e.id)
        .collect();
    let others: Vec<&Text> = events
        .iter()
        .zip(drafts)
        .filter(|(e, d)| ends.contains(&e.id) && for_its_link(e, d))
        .map(|(e, _)| &e.id)
        .collect();
    for _ in 0..others.len() {
        let more: Vec<Text> = others
            .iter()
            .filter(|&&id| !nodes.contains(id))
            .filter(|&&id| {
                causal
                    .iter()
                    .filter_map(|&(a, b)| (a == id).then_some(b).or((b == id).then_some(a)))
                    .all(|partner| nodes.contains(partner) && !conditions.contains(partner))
            })
            .map(|&id| id.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        nodes.extend(more);
    }
    let gone: HashSet<Text> = events
        .iter()
        .zip(drafts)
        .filter(|(e, d)| !ends.contains(&e.id) && (e.kind == Kind::Other || no_happening(e, d)))
        .map(|(e, _)| e.id.clone())
        .collect();
    for e in &mut events {
        if nodes.contains(&e.id) {
            e.tags.push(LINK_END.to_string());
        }
    }
    let links: Vec<Link> = links
        .into_iter()
        .filter(|l| !gone.contains(&l.from) && !gone.contains(&l.to))
        .collect();
    let linked: HashSet<&str> = links
        .iter()
        .flat_map(|l| [l.from.as_str(), l.to.as_str()])
        .collect();
    let kept: Vec<Event> = events
        .into_iter()
        .zip(drafts)
        .filter(|(e, d)| {
            let id = e.id.as_str();
            !gone.contains(id) && (linked.contains(id) || !for_its_link(e, d))
        })
        .map(|(mut e, d)| {
            // Who is named decides what is kept; then an unnamed crowd acts.
            if d.crowd && e.actors.is_empty() {
                e.actors.push(roles::protesters());
            }
            e
        })
        .collect();
    (kept, links)
}

/// What the text gives as meant (a wish, a purpose, a possibility), as a
/// state or a development ([`states::state`]) or, in the undated simple
/// present, as what is so: no happening, whatever its
/// kind; it is kept only as an end of a causal link.
fn no_happening(e: &Event, d: &Draft) -> bool {
    d.meant || d.state || d.generic && d.date.is_none() && e.mode == Mode::Asserted
}

/// Whether an event is told only for a link of its: it is of no known
/// kind, hypothetical ("would", "if"), what someone is accused of, or a
/// mention whose words name nobody (a bare "attacks", "they asked") with
/// no actor, target, date or count.
fn for_its_link(e: &Event, d: &Draft) -> bool {
    let mention = d.anonymous
        && d.date.is_none()
        && e.actors.is_empty()
        && e.targets.is_empty()
        && e.killed.is_none()
        && e.injured.is_none();
    e.kind == Kind::Other || e.mode == Mode::Conditional || mention || d.accused
}

const STOP: [&str; 24] = [
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "for", "with", "by", "its", "their",
    "his", "her", "that", "from", "has", "have", "been", "was", "were", "be",
];

fn slug(words: &str, max_words: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in words.split(|c: char| !c.is_ascii_alphanumeric()) {
        let w = w.to_ascii_lowercase();
        if w.is_empty() || STOP.contains(&w.as_str()) || out.contains(&w) {
            continue;
        }
        out.push(w);
        if out.len() == max_words {
            break;
        }
    }
    out.join("-")
}

/// The last word of an event id: five base-36 digits of a hash of the
/// report's source id and trigger span, so that two articles that report
/// the same words on the same day still give two ids, and an id depends
/// only on its own article (adding another article changes no id).
pub(crate) fn report_key(source: &str, trigger: [usize; 2]) -> String {
    let mut h = crate::text::hash_str(&format!("{source}\u{0}{}\u{0}{}", trigger[0], trigger[1]));
    let mut out = String::with_capacity(5);
    for _ in 0..5 {
        let d = (h % 36) as u32;
        out.push(char::from_digit(d, 36).unwrap_or('0'));
        h /= 36;
    }
    out
}

/// The date part of an id: the date as written, without qualifiers
/// ("2020-09-22", "2020-w39"), the start of a range, or "undated".
fn id_date(d: &EventDate) -> String {
    d.unit()
        .map_or_else(|| "undated".into(), |u| u.to_string().to_ascii_lowercase())
}
