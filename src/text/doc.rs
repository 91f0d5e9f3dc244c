//! A parsed text: every token with its part of speech, lemma, head and
//! relation, and the questions later stages ask of a parse (the subject and
//! objects of a verb, its auxiliaries and negation, the clause a word
//! belongs to, the verb that governs a date).

use std::fmt;
use std::str::FromStr;

use super::model::Model;
use super::tokenize::{tokenize, Sentence, Token, Tokenized};

/// A Universal Dependencies part-of-speech tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

const UPOS_NAMES: [(Upos, &str); 17] = [
    (Upos::Adj, "ADJ"),
    (Upos::Adp, "ADP"),
    (Upos::Adv, "ADV"),
    (Upos::Aux, "AUX"),
    (Upos::Cconj, "CCONJ"),
    (Upos::Det, "DET"),
    (Upos::Intj, "INTJ"),
    (Upos::Noun, "NOUN"),
    (Upos::Num, "NUM"),
    (Upos::Part, "PART"),
    (Upos::Pron, "PRON"),
    (Upos::Propn, "PROPN"),
    (Upos::Punct, "PUNCT"),
    (Upos::Sconj, "SCONJ"),
    (Upos::Sym, "SYM"),
    (Upos::Verb, "VERB"),
    (Upos::X, "X"),
];

impl Upos {
    /// The tag as CoNLL-U writes it (`PROPN`).
    pub fn as_str(self) -> &'static str {
        UPOS_NAMES
            .iter()
            .find(|(u, _)| *u == self)
            .map_or("X", |(_, s)| s)
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownUpos(pub String);

impl fmt::Display for UnknownUpos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a Universal Dependencies part-of-speech tag (ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X)", self.0)
    }
}

impl std::error::Error for UnknownUpos {}

impl FromStr for Upos {
    type Err = UnknownUpos;
    fn from_str(s: &str) -> Result<Upos, UnknownUpos> {
        UPOS_NAMES
            .iter()
            .find(|(_, name)| *name == s)
            .map(|(u, _)| *u)
            .ok_or_else(|| UnknownUpos(s.to_string()))
    }
}

/// One analysed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where it is in the text.
    pub token: Token,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag (`VBD`, `NNP`…).
    pub xpos: &'static str,
    /// Dictionary form (`threaten` for "threatened").
    pub lemma: String,
    /// Index of the head word in [`Doc::words`]; `None` for a sentence's root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head, with its subtype
    /// (`nsubj`, `obl:agent`, `acl:relcl`…).
    pub deprel: &'static str,
}

/// A parsed text.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    text: &'t str,
    /// Every word, in text order.
    pub words: Vec<Word>,
    /// The sentences, each a range of [`Doc::words`].
    pub sentences: Vec<Sentence>,
    /// Whether each sentence was analysed (see [`Doc::parse_some`]).
    analysed: Vec<bool>,
    /// The model that analysed it.
    model: &'static Model,
}

impl<'t> Doc<'t> {
    /// Tokenizes, tags, lemmatizes and parses `text` with the shipped model.
    ///
    /// ```
    /// use annals::text::Doc;
    ///
    /// let doc = Doc::parse("Pompeo threatened to close the embassy.");
    /// let verb = doc.words.iter().position(|w| w.lemma == "threaten").unwrap();
    /// let subject = doc.subject(verb).unwrap();
    /// assert_eq!(doc.form(subject), "Pompeo");
    /// ```
    pub fn parse(text: &'t str) -> Doc<'t> {
        Doc::parse_with(text, Model::shipped())
    }

    /// The same with a model of one's own.
    pub fn parse_with(text: &'t str, model: &'static Model) -> Doc<'t> {
        Doc::parse_tokenized(text, tokenize(text), model)
    }

    /// Tags, lemmatizes and parses text already split into sentences and
    /// tokens (by [`tokenize`]), so that a caller who also needs the
    /// tokens, such as the temporal tagger, splits the text once.
    pub fn parse_tokenized(text: &'t str, tokenized: Tokenized, model: &'static Model) -> Doc<'t> {
        let all = vec![true; tokenized.sentences.len()];
        Doc::parse_some(text, tokenized, model, &all)
    }

    /// The same, analysing only the sentences marked in `wanted` (one mark
    /// a sentence; a sentence without a mark is analysed): a caller that
    /// will skip a sentence need not pay for its parse, by far the largest
    /// cost of reading it. The words of the other sentences are there with
    /// their tokens only (tag `X`, no lemma, each its own root with no
    /// relation); [`Doc::analysed`] tells them apart.
    pub fn parse_some(
        text: &'t str,
        tokenized: Tokenized,
        model: &'static Model,
        wanted: &[bool],
    ) -> Doc<'t> {
        let mut words = Vec::with_capacity(tokenized.tokens.len());
        let mut analysed = Vec::with_capacity(tokenized.sentences.len());
        for (i, sentence) in tokenized.sentences.iter().enumerate() {
            let tokens = &tokenized.tokens[sentence.tokens.clone()];
            let wanted = wanted.get(i).copied().unwrap_or(true);
            analysed.push(wanted);
            if !wanted {
                words.extend(tokens.iter().map(|&token| Word {
                    token,
                    upos: Upos::X,
                    xpos: "",
                    lemma: String::new(),
                    head: None,
                    deprel: "",
                }));
                continue;
            }
            let forms: Vec<&str> = tokens.iter().map(|t| t.form(text)).collect();
            let offset = sentence.tokens.start;
            for (token, a) in tokens.iter().zip(model.analyse(&forms)) {
                words.push(Word {
                    token: *token,
                    upos: a.upos,
                    xpos: a.xpos,
                    lemma: a.lemma,
                    head: a.head.map(|h| h + offset),
                    deprel: a.deprel,
                });
            }
        }
        Doc {
            text,
            words,
            sentences: tokenized.sentences,
            analysed,
            model,
        }
    }

    /// Whether sentence `s` was analysed ([`Doc::parse_some`]).
    pub fn analysed(&self, s: usize) -> bool {
        self.analysed.get(s).copied().unwrap_or(false)
    }

    /// The model that analysed the text.
    pub fn model(&self) -> &'static Model {
        self.model
    }

    /// The text that was parsed.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The word as written.
    pub fn form(&self, word: usize) -> &'t str {
        self.words[word].token.form(self.text)
    }

    /// The words whose head is `word`, in order.
    pub fn children(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self.sentence_of(word).map_or(0..0, |s| s.tokens.clone());
        range.filter(move |&i| self.words[i].head == Some(word))
    }

    /// The sentence a word belongs to.
    pub fn sentence_of(&self, word: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= word);
        self.sentences.get(i).filter(|s| s.tokens.contains(&word))
    }

    /// The children of `word` whose relation (before any `:` subtype) is
    /// one of `relations`.
    pub fn children_by(&self, word: usize, relations: &[&str]) -> Vec<usize> {
        self.children(word)
            .filter(|&c| relations.contains(&base(self.words[c].deprel)))
            .collect()
    }

    /// The subject of a predicate (`nsubj`, `nsubj:pass`, `csubj`), or, for
    /// a verb in an `xcomp` ("threatened to close") or a second verb of a
    /// conjunction, the subject of the verb it hangs from. Where the parse
    /// gives a predicate two subjects, the one nearest to it.
    pub fn subject(&self, predicate: usize) -> Option<usize> {
        let mut p = predicate;
        for _ in 0..self.words.len() {
            let subjects = self.children_by(p, &["nsubj", "csubj"]);
            if let Some(&s) = subjects.iter().min_by_key(|&&s| s.abs_diff(p)) {
                return Some(s);
            }
            match (self.words[p].deprel, self.words[p].head) {
                ("xcomp", Some(h)) | ("conj", Some(h)) => p = h,
                _ => return None,
            }
        }
        None
    }

    /// The name a word heads, as written: the word with its `flat` and
    /// `compound` dependents ("Mike Pompeo" for "Mike").
    pub fn name(&self, word: usize) -> &'t str {
        let parts = self.children_by(word, &["flat", "compound"]);
        let first = parts.iter().copied().chain([word]).min().unwrap_or(word);
        let last = parts.iter().copied().chain([word]).max().unwrap_or(word);
        &self.text[self.words[first].token.start..self.words[last].token.end]
    }

    /// The objects of a predicate: direct and indirect.
    pub fn objects(&self, predicate: usize) -> Vec<usize> {
        self.children_by(predicate, &["obj", "iobj"])
    }

    /// The auxiliaries and copula of a predicate ("will", "has been").
    pub fn auxiliaries(&self, predicate: usize) -> Vec<usize> {
        self.children_by(predicate, &["aux", "cop"])
    }

    /// Whether a predicate is negated ("did not close", "never closed").
    pub fn is_negated(&self, predicate: usize) -> bool {
        self.children_by(predicate, &["advmod", "det"])
            .into_iter()
            .any(|c| matches!(self.words[c].lemma.as_str(), "not" | "never" | "no" | "n't"))
    }

    /// The head of the clause `word` belongs to: the nearest ancestor (or
    /// the word itself) that is a verb, or a sentence's root.
    pub fn clause_of(&self, word: usize) -> usize {
        let mut w = word;
        for _ in 0..self.words.len() {
            if matches!(self.words[w].upos, Upos::Verb) {
                return w;
            }
            match self.words[w].head {
                Some(h) => w = h,
                None => return w,
            }
        }
        w
    }

    /// The verb that governs a word, such as a date expression's ("closed
    /// on Sunday": "closed"); `None` when no verb is above it.
    pub fn governing_verb(&self, word: usize) -> Option<usize> {
        let mut w = self.words[word].head?;
        for _ in 0..self.words.len() {
            if matches!(self.words[w].upos, Upos::Verb | Upos::Aux) {
                return Some(w);
            }
            w = self.words[w].head?;
        }
        None
    }
}

/// A relation without its subtype.
fn base(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences a caller wants are analysed exactly as when every
    /// sentence is; the others keep their tokens and nothing else.
    #[test]
    fn parse_some_analyses_only_the_sentences_wanted() {
        let text = "Police arrested 12 people. The crowd dispersed. Troops left the city.";
        let all = Doc::parse(text);
        let some = Doc::parse_some(text, tokenize(text), Model::shipped(), &[true, false]);
        assert_eq!(some.sentences, all.sentences);
        assert_eq!(some.words.len(), all.words.len());
        for (i, s) in all.sentences.iter().enumerate() {
            // Sentences past the marks are analysed.
            assert_eq!(some.analysed(i), i != 1);
            for w in s.tokens.clone() {
                if i == 1 {
                    assert_eq!(some.words[w].token, all.words[w].token);
                    assert_eq!((some.words[w].head, some.words[w].deprel), (None, ""));
                } else {
                    assert_eq!(some.words[w], all.words[w]);
                }
            }
        }
        assert!(!some.analysed(3));
    }
}
