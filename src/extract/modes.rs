//! Whether an event happened, from the parse: negation and questions make
//! it no event; modal auxiliaries, `if` clauses and the complements of
//! threaten, plan, fear, deny and of reporting verbs set its mode. The
//! nearest governor decides: in "officials said Pompeo threatened to close
//! the embassy" the closing is threatened, the threat reported.

use super::frames::Frames;
use super::predicates::Predicate;
use super::sentence::Sent;
use crate::model::{Kind, Mode};
use crate::text::Upos;

/// The mode of an event, and whether it is only meant: wished, possible
/// or the purpose of another act ("want to protect", "locked the door to
/// protect her"), reported neither to happen nor to be decided. `None`
/// when the sentence says it did not happen or only asks.
pub fn mode_of(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> Option<(Mode, bool)> {
    if s.is_question() {
        return None;
    }
    if p.refused {
        // The refusal is what is said, now: "Syria says it will not
        // accept refugees" is a rejection reported, not a plan.
        let mode = if reported(s, p.anchor, frames) {
            Mode::Reported
        } else {
            Mode::Asserted
        };
        return Some((mode, false));
    }
    if negated(s, p.word)
        || negated(s, p.anchor)
        || super::noise::negated_object(s, p.anchor, frames)
        || in_question(s, p.word, frames)
    {
        return None;
    }
    // Every operator on the way to the root, nearest first: a threat, fear
    // or denial anywhere above wins over a plan or a condition, and those
    // over a report ("officials fear the departure will be followed by
    // military action": the action is feared).
    let mut found: Vec<Mode> = Vec::new();
    // Whether anything above plans the event rather than only wishes it
    // or gives it as a purpose ([`own_mode`], `[noise] wished`).
    let mut decided = false;
    // Whether the way up has passed from a noun to the verb that takes it
    // as object or oblique: "to mark the anniversary of a ruling" is a
    // purpose, the ruling a fact.
    let mut taken = false;
    // Whether an adjective of ability or likelihood governs it ("able
    // to", "likely to"): possible, never decided.
    let mut possible = false;
    // Whether the way up has left a relative clause: "military action
    // against forces, which Washington accuses of attacks" tells of the
    // forces what is so; a fear, plan or threat above the antecedent does
    // not reach it, a report does.
    let mut relative = false;
    // Whether something above refuses it or fails at it.
    let mut undone = false;
    // Whether the way up has passed only conjuncts: the event's own word
    // and its like ("prevent them from crossing or entering").
    let mut own = true;
    // Whether it is what others are asked to do ("called for Mubarak to
    // step down"): the request's content, not a happening.
    let mut asked = false;
    // Whether a verb or noun of opinion holds it ("believes the army will
    // step in"): unrealised under one, it is a forecast.
    let mut opinion = false;
    if scheduled(s, p.word, frames) {
        decided = true;
        found.push(Mode::Planned);
    }
    let mut w = p.anchor;
    for _ in 0..s.len() {
        if let Some((m, decision)) = own_mode(s, w, p, frames) {
            if (decision || !taken) && !relative {
                decided |= decision;
                found.push(m);
            }
        }
        let Some(h) = s.head(w) else { break };
        let rel = s.rel(w);
        // "Avoided clashing", "prevent the tanks from crossing": what is
        // averted did not happen (not so a fact named on the way up: "an
        // escalation of the protests", "prevent journalists from getting
        // to the streets, detaining them").
        undone |= own && averted(s, w, h, frames);
        own &= rel == "conj";
        if rel != "conj" {
            // An adverbial clause with a subordinator of its own ("after",
            // "because") is a clause of its own; one without ("…, killing
            // five") shares its governor's.
            let own_clause = rel == "advcl" && !s.children_by(w, &["mark"]).is_empty();
            // "demanded an end to the crackdown after al-Aryan's arrest",
            // "threatened during a telephone conversation": what an act
            // comes after or during (`[noise] circumstance`) is a fact
            // of its own, under no plan, threat or fear of the act.
            let circumstance = matches!(rel, "obl" | "nmod")
                && s.children_by(w, &["case"])
                    .into_iter()
                    .any(|c| frames.noise.circumstance.contains(s.toks[c].lower.as_str()));
            if own_clause || circumstance || !(CLIMB.contains(&rel) || rel == "advcl") {
                break;
            }
            // "did not call for any protests", "did not plan an attack".
            let governs =
                matches!(rel, "obj" | "obl") && governed(s, h, rel, frames, p.kind).is_some();
            if negated(s, h) && (matches!(rel, "xcomp" | "ccomp") || governs) {
                return None;
            }
            // "refused to leave", "his refusal to step down", "unable to
            // stop": what is refused or failed did not happen; it stays
            // only to lend the refusal its target.
            undone |=
                matches!(rel, "xcomp" | "acl") && frames.noise.undone.contains(&*s.lower_lemma(h));
            asked |= !taken && !relative && requested(s, w, h, frames);
            opinion |= matches!(rel, "ccomp" | "acl" | "nmod" | "xcomp")
                && frames.noise.opinion.contains(&*s.lower_lemma(h));
            // "to avoid an escalation": what is averted is no fact.
            taken |= matches!(rel, "obj" | "obl" | "nmod")
                && !(rel == "obj" && frames.noise.averted.contains(&*s.lower_lemma(h)));
            // "has prepared for the withdrawal, warning Baghdad": an
            // adverbial participle is done beside its governor, not planned,
            // feared or threatened by it ("ordered to halt" is).
            // "Will be able to contain": a future ability is still only
            // possible, whatever decides it above.
            possible |= rel == "xcomp"
                && s.upos(h) == Upos::Adj
                && frames.noise.wished.contains(&*s.lower_lemma(h));
            let framed = (rel != "advcl" || !matches!(s.xpos(w), "VBG" | "VBN"))
                .then(|| governed(s, h, rel, frames, p.kind))
                .flatten();
            if let Some(m) = framed {
                let wished = m == Mode::Planned && frames.noise.wished.contains(&*s.lower_lemma(h));
                // "want to end the strike": the strike is a fact.
                if !(wished && taken || relative && m != Mode::Reported) {
                    decided |= !wished;
                    found.push(m);
                }
            } else if rel == "xcomp"
                && !relative
                && s.upos(h) == Upos::Adj
                && s.is_to_infinitive(w)
                && !frames.intent.adjectives.contains(&*s.lower_lemma(h))
            {
                // "easy to criticise", "too early to discuss": possible,
                // not done ("willing to" announces an intent: `intent`).
                found.push(Mode::Planned);
            }
        }
        relative |= s.deprel(w) == "acl:relcl";
        w = h;
    }
    if according_to(s) {
        found.push(Mode::Reported);
    }
    let rank = |m: &Mode| match m {
        Mode::Threatened | Mode::Feared | Mode::Denied => 0,
        Mode::Planned | Mode::Conditional => 1,
        _ => 2,
    };
    let mode = found.into_iter().min_by_key(rank).unwrap_or(Mode::Asserted);
    if asked || opinion && matches!(mode, Mode::Planned | Mode::Conditional) {
        return Some((mode, true));
    }
    if undone {
        let mode = if mode.is_unrealised() {
            mode
        } else {
            Mode::Planned
        };
        return Some((mode, true));
    }
    // Only wished, possible or a purpose: nothing is reported to happen.
    Some((mode, mode == Mode::Planned && (!decided || possible)))
}

/// Whether noun `w` names a happening still to come: a participle or
/// adjective of `[modes] scheduled` describes it ("mass rallies planned
/// for Tuesday", "the proposed talks", "a march scheduled for Friday").
fn scheduled(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    let still_to_come = |c: usize| {
        frames.scheduled.contains(&*s.lower_lemma(c))
            || frames.scheduled.contains(s.toks[c].lower.as_str())
    };
    s.upos(w) == Upos::Noun
        && s.children_by(w, &["acl", "amod"])
            .into_iter()
            .any(still_to_come)
}

/// Whether governor `h` averts word `w` below it (`[noise] averted`): its
/// object, its gerund ("avoided clashing") or its `from` phrase or clause
/// ("prevent the tanks from crossing", "refrained from violence").
fn averted(s: &Sent<'_, '_, '_>, w: usize, h: usize, frames: &Frames) -> bool {
    let content = match s.rel(w) {
        "xcomp" | "obj" => true,
        "advcl" | "obl" => s
            .children_by(w, &["mark", "case"])
            .into_iter()
            .any(|c| s.toks[c].lower == "from"),
        _ => false,
    };
    content && frames.noise.averted.contains(&*s.lower_lemma(h))
}

/// Whether governor `h` asks others for the word below it by `rel`
/// (`[noise] asked_of`) through `w`, its `rel`: "called for Mubarak to
/// step down", "demanded his resignation", "calls for his release", "told
/// the protesters to go home". A phrase of another preposition is no
/// content ("appealed to the UN over the killings"), and what a reporting
/// verb says in a clause ("told reporters that the army fired") is
/// reported, not asked.
fn requested(s: &Sent<'_, '_, '_>, w: usize, h: usize, frames: &Frames) -> bool {
    let lemma = &*s.lower_lemma(h);
    let rel = s.rel(w);
    let content = match rel {
        "xcomp" | "ccomp" | "acl" | "obj" => true,
        "obl" | "nmod" => s
            .children_by(w, &["case"])
            .into_iter()
            .any(|c| s.toks[c].lower == "for"),
        _ => false,
    };
    content
        && frames.noise.asked_of.contains(lemma)
        && !(rel == "ccomp" && frames.reporting.contains(lemma))
}

/// The relations through which a governor's meaning reaches an event.
const CLIMB: [&str; 9] = [
    "xcomp",
    "ccomp",
    "csubj",
    "acl",
    "nmod",
    "obl",
    "obj",
    "nsubj",
    "parataxis",
];

/// The mode a governor gives the word below it, an event of `kind`, by
/// `rel`. A promise of a cooperative act plans it; of any other, threatens
/// it.
fn governed(
    s: &Sent<'_, '_, '_>,
    h: usize,
    rel: &str,
    frames: &Frames,
    kind: Kind,
) -> Option<Mode> {
    let lemma = &*s.lower_lemma(h);
    if frames.intent.commissive.contains(lemma) && rel != "nsubj" {
        Some(if frames.intent.agree.contains(&kind) {
            Mode::Planned
        } else {
            Mode::Threatened
        })
    } else if frames.threatened.contains(lemma) {
        Some(Mode::Threatened)
    } else if frames.denied.contains(lemma) {
        Some(Mode::Denied)
    } else if frames.feared.contains(lemma) {
        Some(Mode::Feared)
    } else if frames.planned.contains(lemma) && rel != "nsubj" {
        Some(Mode::Planned)
    } else if frames.reporting.contains(lemma) && matches!(rel, "ccomp" | "parataxis" | "xcomp") {
        Some(Mode::Reported)
    } else {
        None
    }
}

/// The mode a word's own auxiliaries and subordinator give it, and
/// whether it is decided: a future is, a purpose is not.
fn own_mode(
    s: &Sent<'_, '_, '_>,
    w: usize,
    p: &Predicate,
    frames: &Frames,
) -> Option<(Mode, bool)> {
    // "will only begin if those efforts fail": an act of a cooperative
    // kind on a condition is conditional ([`intent`] makes one of a
    // hostile kind a threat).
    let condition = s.children_by(w, &["advcl"]).into_iter().any(|c| {
        s.children_by(c, &["mark"])
            .into_iter()
            .any(|m| frames.conditional.contains(&*s.lower_lemma(m)))
    });
    if condition && w == p.anchor && frames.intent.agree.contains(&p.kind) {
        return Some((Mode::Conditional, true));
    }
    if opened_by_phrase(s, w, frames) {
        return Some((Mode::Conditional, true));
    }
    for c in s.children(w) {
        let lemma = &*s.lower_lemma(c);
        match s.rel(c) {
            "mark" if frames.conditional.contains(lemma) => return Some((Mode::Conditional, true)),
            "aux" if frames.hypothetical.contains(lemma) => return Some((Mode::Conditional, true)),
            "aux" if frames.future.contains(lemma) => return Some((Mode::Planned, true)),
            _ => {}
        }
    }
    // "deployed troops to protect the embassy", "preparations to
    // evacuate": an infinitive that no verb of its own frames is intended,
    // not done; only a noun of planning decides it, above it or as the
    // object of the verb it hangs from ("began preparations to
    // evacuate"). A demand or protest that is the purpose of an act is
    // done by doing the act ("marched to demand reforms").
    if s.rel(w) != "xcomp" && s.is_to_infinitive(w) {
        // "called for its followers to demonstrate": under a call, an
        // order or a plan the infinitive is what is asked or planned.
        let asked = s
            .head(w)
            .is_some_and(|h| frames.planned.contains(&*s.lower_lemma(h)));
        let performed = w == p.anchor
            && s.rel(w) == "advcl"
            && frames.noise.performed.contains(&p.kind)
            && !asked;
        let planning = |n: usize| {
            frames.planned.contains(&*s.lower_lemma(n))
                && !frames.noise.wished.contains(&*s.lower_lemma(n))
        };
        let decided = s
            .head(w)
            .is_some_and(|h| s.children_by(h, &["obj"]).into_iter().any(planning));
        return (!performed).then_some((Mode::Planned, decided));
    }
    // "going to withdraw".
    if s.rel(w) == "xcomp" && s.head(w).is_some_and(|h| s.toks[h].lower == "going") {
        return Some((Mode::Planned, true));
    }
    None
}

/// "In case the administration decides to": a conditional subordinator
/// of several words (`[modes] conditional` with a space), which the parse
/// reads as a preposition and a noun, opens the clause of verb `w` when
/// only words of its subject (no verb, auxiliary, subordinator or
/// punctuation) stand between them.
fn opened_by_phrase(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    if s.upos(w) != Upos::Verb {
        return false;
    }
    let ends_at = |j: usize| {
        frames.conditional.iter().any(|c| {
            let words: Vec<&str> = c.split(' ').collect();
            words.len() > 1
                && j + 1 >= words.len()
                && words
                    .iter()
                    .zip(&s.toks[j + 1 - words.len()..=j])
                    .all(|(w, t)| t.lower == *w)
        })
    };
    for j in (0..w).rev() {
        if ends_at(j) {
            return true;
        }
        if matches!(
            s.upos(j),
            Upos::Verb | Upos::Aux | Upos::Punct | Upos::Sconj
        ) {
            return false;
        }
    }
    false
}

/// Whether predicate `p` is a refusal: a verb of the shipped triggers of a
/// kind one can refuse (`[intent] refused`: accepting, agreeing,
/// negotiating, yielding), negated, in a statement ("will not accept more
/// refugees", "did not recognise the vote"). CAMEO codes such a statement
/// as a rejection (12); a negated act of another kind ("did not attack")
/// is no event. The dictionary's everyday senses ("did not want", "does
/// not mean") refuse nothing, and neither do a condition ("if he does not
/// step down") or an inability ("cannot return").
pub fn refusal(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let w = p.word;
    let hedged = || {
        s.children(w).any(|c| {
            let lemma = &*s.lower_lemma(c);
            match s.rel(c) {
                "mark" => frames.conditional.contains(lemma),
                "aux" => {
                    frames.hypothetical.contains(lemma)
                        && !frames.intent.auxiliaries.contains(lemma)
                }
                _ => false,
            }
        })
    };
    // A question is no event at all: `mode_of` drops it.
    w == p.anchor
        && !p.cameo
        && s.upos(w) == Upos::Verb
        && frames.intent.refused.contains(&p.kind)
        && negated(s, w)
        && !hedged()
}

/// Whether word `w` is in a question put in an interview: an opening
/// clause, up to its comma, of a participle of `[modes] asked` with no
/// subject, alone or after "when", "if" or "once" ("When asked whether
/// Mubarak should step down, …", "Asked about the talks, …"). The parse
/// often reads the opening participle as a past tense, so the clause is
/// found by its words and its comma.
fn in_question(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    let asked = |i: usize| {
        i < s.len() && frames.asked.contains(&*s.lower_lemma(i)) && s.toks[i].lower.ends_with("ed")
    };
    let opens = asked(0)
        || s.len() > 1 && matches!(s.toks[0].lower.as_str(), "when" | "if" | "once") && asked(1);
    opens
        && s.toks
            .iter()
            .position(|t| t.lower == ",")
            .is_some_and(|comma| w < comma)
}

/// Whether a word is negated: "not", "never", "no" as its modifier.
fn negated(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    s.children(w).any(|c| {
        matches!(s.rel(c), "advmod" | "det" | "neg")
            && matches!(
                s.toks[c].lower.as_str(),
                "not" | "n't" | "never" | "no" | "nt"
            )
    })
}

/// "…, according to officials": the whole sentence is reported.
fn according_to(s: &Sent<'_, '_, '_>) -> bool {
    s.toks
        .windows(2)
        .any(|w| w[0].lower == "according" && w[1].lower == "to")
}

/// An act announced for the future by its actor is an intention; one
/// someone must do is a demand (CAMEO's "express intent to", "demand").
/// Returns the kind the event takes instead, and its mode: reported under
/// a reporting verb, else asserted.
pub fn intent(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> Option<(Kind, Mode)> {
    let it = &frames.intent;
    let a = p.anchor;
    let auxes: Vec<&str> = s
        .children_by(a, &["aux"])
        .into_iter()
        .map(|c| s.lemma(c))
        .collect();
    // "is willing to", and "is prepared to" read as a passive participle.
    let predicative = |h: usize| {
        s.upos(h) == Upos::Adj
            || s.xpos(h) == "VBN"
                && s.children(h)
                    .any(|c| matches!(s.deprel(c), "aux:pass" | "cop"))
    };
    let willing = s.rel(a) == "xcomp"
        && s.head(a).is_some_and(|h| {
            predicative(h)
                && (it.adjectives.contains(&*s.lower_lemma(h))
                    || it.adjectives.contains(s.toks[h].lower.as_str()))
        });
    let kind = if auxes.iter().any(|x| it.obligation.contains(*x)) {
        Kind::Request
    } else if willing || auxes.iter().any(|x| it.auxiliaries.contains(*x)) {
        let unless = s.children_by(a, &["advcl"]).into_iter().any(|c| {
            s.children_by(c, &["mark"])
                .into_iter()
                .any(|m| it.unless.contains(&*s.lower_lemma(m)))
        });
        if !willing && !announced(s, p) {
            // "The evacuation will only begin if…", "abandoning an ally
            // would damage…": nobody announces what no one is named to do.
            return None;
        }
        // "They would get a press release": outside reported speech,
        // "would" is a condition or a habit, not a "will" said before.
        let backshifted = auxes.contains(&"would") && !auxes.contains(&"will");
        if backshifted && !willing && !reported(s, a, frames) {
            return None;
        }
        if unless || it.threaten.contains(&p.kind) {
            Kind::Threaten
        } else if it.agree.contains(&p.kind) {
            Kind::Agree
        } else {
            return None;
        }
    } else {
        return None;
    };
    Some((
        kind,
        if reported(s, a, frames) {
            Mode::Reported
        } else {
            Mode::Asserted
        },
    ))
}

/// Whether someone is named to announce the act of `p`: its verb's
/// subject is a noun, a name or a personal pronoun other than the event's
/// own word ("the evacuation will begin" names no one who will evacuate).
fn announced(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    // "This, in turn, will open up the possibility": a demonstrative
    // stands for a situation, which announces nothing.
    super::roles::subject_of(s, p.anchor).is_some_and(|w| {
        w != p.word
            && matches!(s.upos(w), Upos::Noun | Upos::Propn | Upos::Pron)
            && s.xpos(w) != "DT"
    })
}

/// The reporting verb whose complement holds word `a`, if any.
pub fn reporter(s: &Sent<'_, '_, '_>, a: usize, frames: &Frames) -> Option<usize> {
    let mut w = a;
    for _ in 0..s.len() {
        let h = s.head(w)?;
        match s.rel(w) {
            "ccomp" | "parataxis" if frames.reporting.contains(&*s.lower_lemma(h)) => {
                return Some(h)
            }
            "conj" | "xcomp" | "ccomp" => w = h,
            _ => return None,
        }
    }
    None
}

fn reported(s: &Sent<'_, '_, '_>, a: usize, frames: &Frames) -> bool {
    reporter(s, a, frames).is_some() || according_to(s)
}
