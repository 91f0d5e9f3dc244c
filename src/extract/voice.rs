//! The voice of a verb and the agent of a passive, read across a
//! coordination: "were beaten, arrested and harassed by security forces"
//! is three passives, all done by the security forces, though the parse
//! gives the auxiliary only to the first and the agent only to the last.

use super::sentence::Sent;

/// Whether verb `v` is passive: it has a passive auxiliary, or it is a
/// bare past participle joined to a passive verb ("beaten, arrested"),
/// or to a copula's predicate, which the parse often makes of the first
/// participle, when a `by` agent says who did it ("were beaten
/// [adjective] and arrested by police"; not "was not enough and called
/// on its followers"). A conjunct with an auxiliary or an object of its
/// own has its own voice ("tried to run a barricade and was shot").
pub fn passive(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    let first = v;
    let mut v = v;
    for _ in 0..s.len() {
        let copula = v != first
            && s.children(v).any(|c| s.deprel(c) == "cop")
            && !agents_after(s, v, v).is_empty();
        if copula || s.children(v).any(|c| s.deprel(c) == "aux:pass") {
            return true;
        }
        let bare = s.xpos(v) == "VBN" && s.children_by(v, &["aux", "obj"]).is_empty();
        match (s.rel(v), s.head(v)) {
            ("conj", Some(h)) if bare => v = h,
            _ => return false,
        }
    }
    false
}

/// Whether the subject `subj` the parse marks passive really is: a verb
/// with no passive auxiliary that has an object is active ("the riders,
/// who attacked and terrorized protesters", with "attacked" read as a
/// participle).
pub fn passive_subject(s: &Sent<'_, '_, '_>, subj: usize, v: usize) -> bool {
    s.deprel(subj).ends_with(":pass") && (passive(s, v) || s.children_by(v, &["obj"]).is_empty())
}

/// The `by` agents of passive verb `v`: its own, else those of a later
/// passive participle of its coordination, which the parse hangs on the
/// last conjunct only.
pub fn agents(s: &Sent<'_, '_, '_>, v: usize) -> Vec<usize> {
    let own: Vec<usize> = s
        .children(v)
        .filter(|&c| s.deprel(c) == "obl:agent")
        .collect();
    if !own.is_empty() || !passive(s, v) {
        return own;
    }
    let mut top = v;
    while let ("conj", Some(h)) = (s.rel(top), s.head(top)) {
        top = h;
    }
    agents_after(s, top, v)
}

/// The `by` agents of the participles of the coordination below `top`
/// that come after `v`.
fn agents_after(s: &Sent<'_, '_, '_>, top: usize, v: usize) -> Vec<usize> {
    let mut later = Vec::new();
    conjuncts_after(s, top, v, &mut later);
    later
        .into_iter()
        .flat_map(|c| s.children(c).filter(|&a| s.deprel(a) == "obl:agent"))
        .collect()
}

/// The conjuncts below `w` (conjunctions chain or fan out) that come
/// after `v`.
fn conjuncts_after(s: &Sent<'_, '_, '_>, w: usize, v: usize, out: &mut Vec<usize>) {
    for c in s.children_by(w, &["conj"]) {
        if c > v && s.xpos(c) == "VBN" {
            out.push(c);
        }
        conjuncts_after(s, c, v, out);
    }
}
