//! A main clause needs a finite verb. News leads such as "Police fired
//! tear gas" put a past-tense verb right after a bare plural subject,
//! where the web text the tagger learnt from mostly has a participle
//! ("photos taken at the scene"); read greedily, the verb becomes a
//! participle or an adjective, the subject its head, and the sentence
//! loses its subject. So when the parse's main clause has no finite verb,
//! and a participle or adjective of that clause follows a noun or pronoun
//! and the tagger scored it as a past-tense verb almost as highly, the
//! sentence is tagged again with that word a past-tense verb and parsed
//! again; the second reading is kept when its main clause is finite.
//! A clause reported before its reporting verb ("Guerrillas wounded two
//! soldiers, police said") needs a finite verb just as much: a clausal
//! complement of the root with none is mended the same way.

/// The classes and relations the rule reads, by number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FiniteRule {
    /// The tag class of a past-tense verb (`VERB`, `VBD`), if the tagger
    /// has one.
    pub(crate) past: Option<u16>,
    /// By tag class: a finite verb form (`VBD`, `VBZ`, `VBP`, `MD`).
    finite: Vec<bool>,
    /// By tag class: a noun or personal pronoun, a subject candidate.
    nominal: Vec<bool>,
    /// By tag class: a past participle, what a past-tense verb is
    /// mistaken for.
    participle: Vec<bool>,
    /// By tag class: an adjective, what a past-tense verb ending in "-ed"
    /// is mistaken for ("advanced").
    adjective: Vec<bool>,
    /// By relation: an auxiliary or copula, which carries the finite form
    /// of its head's clause.
    helper: Vec<bool>,
    /// By relation: a clausal complement (`ccomp`), a clause of its own
    /// that a reporting verb governs.
    complement: Vec<bool>,
}

/// How far below the tagger's choice a past-tense reading may score and
/// still be taken when the main clause needs it (perceptron score units).
pub(crate) const MARGIN: f32 = 24.0;

impl FiniteRule {
    /// The rule for a tagger's classes (UPOS, XPOS) and a parser's labels.
    pub(crate) fn new(classes: &[(String, String)], labels: &[String]) -> FiniteRule {
        let by_tag = |keep: &dyn Fn(&str, &str) -> bool| -> Vec<bool> {
            classes.iter().map(|(u, x)| keep(u, x)).collect()
        };
        FiniteRule {
            past: classes
                .iter()
                .position(|(u, x)| u == "VERB" && x == "VBD")
                .map(|c| c as u16),
            finite: by_tag(&|_, x| matches!(x, "VBD" | "VBZ" | "VBP" | "MD")),
            nominal: by_tag(&|u, x| {
                matches!(u, "NOUN" | "PROPN" | "PRON")
                    && matches!(x, "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
            }),
            participle: by_tag(&|u, x| u == "VERB" && x == "VBN"),
            adjective: by_tag(&|u, x| u == "ADJ" && x == "JJ"),
            helper: labels
                .iter()
                .map(|l| matches!(l.split(':').next(), Some("aux" | "cop")))
                .collect(),
            complement: labels.iter().map(|l| l == "ccomp").collect(),
        }
    }

    /// Whether the main clause is finite: its root, or an auxiliary or
    /// copula of the root, has a finite tag; and so is each clausal
    /// complement of the root. A parse without a root counts as finite
    /// (there is nothing to mend).
    pub(crate) fn clauses_finite(
        &self,
        tags: &[u16],
        heads: &[Option<usize>],
        labels: &[u16],
    ) -> bool {
        let finite = |w: usize| self.finite[usize::from(tags[w])];
        let clause_finite = |head: usize| {
            finite(head)
                || (0..heads.len()).any(|w| {
                    heads[w] == Some(head) && self.helper[usize::from(labels[w])] && finite(w)
                })
        };
        let Some(root) = heads.iter().position(Option::is_none) else {
            return true;
        };
        clause_finite(root)
            && (0..heads.len()).all(|w| {
                heads[w] != Some(root)
                    || !self.complement[usize::from(labels[w])]
                    || clause_finite(w)
            })
    }

    /// The words that could be the main clause's verb misread: a
    /// participle, or an adjective ending in "-ed", right after a noun or
    /// pronoun, with no
    /// finite word before it (in "When was Miramar founded?" the finite
    /// verb came first). Where the parse hung it matters not: a misread
    /// verb hangs anywhere ("Police arrested 12 people": an adjective of
    /// "people").
    pub(crate) fn candidates<'a>(
        &'a self,
        forms: &'a [&str],
        tags: &'a [u16],
    ) -> impl Iterator<Item = usize> + 'a {
        let first_finite = tags
            .iter()
            .position(|&t| self.finite[usize::from(t)])
            .unwrap_or(tags.len());
        (1..first_finite).filter(move |&w| {
            let t = usize::from(tags[w]);
            (self.participle[t] || self.adjective[t] && ends_in_ed(forms[w]))
                && self.nominal[usize::from(tags[w - 1])]
        })
    }
}

/// Whether a word of four letters or more ends in "-ed", in any case
/// ("red" is no past tense).
fn ends_in_ed(form: &str) -> bool {
    let b = form.as_bytes();
    b.len() > 3 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
}
