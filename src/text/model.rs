//! The trained model: tagger, lemmatizer and parser in one file, its
//! training from a treebank, and the copy that ships inside the crate.

use std::sync::OnceLock;

use super::conllu::{TreebankSentence, TreebankWord};
use super::doc::Upos;
use super::error::TextError;
use super::features::WordView;
use super::finite::{FiniteRule, MARGIN};
use super::lemma::Lemmatizer;
use super::parser::{Gold, Input, ParseTraining, Parser};
use super::perceptron::{Reader, MAX_CLASSES};
use super::tagger::{TagTraining, Tagger};
use crate::error::Error;

/// The first bytes of a model file, with the format's version.
const MAGIC: &[u8; 16] = b"annals-text-v1\n\0";

/// The model trained on the UD English Web Treebank (see `NOTICE` beside
/// it), built into the binary.
static SHIPPED_BYTES: &[u8] = include_bytes!("en_ewt.model");

/// A tagger, lemmatizer and dependency parser for one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    tagger: Tagger,
    /// The universal tag of each of the tagger's classes.
    upos: Vec<Upos>,
    lemmatizer: Lemmatizer,
    parser: Parser,
    /// When a main clause needs its verb read again.
    finite: FiniteRule,
}

/// A sentence's tags and the parse made from them.
struct Reading {
    tags: Vec<u16>,
    heads: Vec<Option<usize>>,
    labels: Vec<u16>,
}

/// What the model says of one word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis<'m> {
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: &'m str,
    /// Dictionary form.
    pub lemma: String,
    /// Index of the head within the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Relation to the head.
    pub deprel: &'m str,
}

/// How to train a [`Model`].
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the training data for the parser; the pass that scores
    /// best on the development data is kept.
    pub parser_epochs: usize,
    /// The seed of every random choice, so training is repeatable.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the finished
    /// model: at 1.0 the English model shrinks from 15 to 7 MB for 0.25
    /// points of attachment score, which keeps the crate under crates.io's
    /// size limit.
    pub min_weight: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            tagger_epochs: 8,
            parser_epochs: 15,
            seed: 2026,
            min_weight: 1.0,
        }
    }
}

/// Parts the training data is cut into to tag each part with a tagger that
/// never saw it: the parser then learns from tags as wrong as they will be
/// in use.
const JACKKNIFE: usize = 5;

impl Model {
    /// The model that ships with annals, loaded on first use.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| crate::error::shipped(Model::load_shipped()))
    }

    /// Reads the shipped model afresh (what [`Model::shipped`] does once).
    pub fn load_shipped() -> Result<Model, Error> {
        Model::from_bytes(SHIPPED_BYTES)
    }

    /// Trains a model on `train`, choosing the parser's epoch on `dev`.
    /// `progress` hears one line per stage and epoch.
    pub fn train(
        train: &[TreebankSentence],
        dev: &[TreebankSentence],
        options: TrainOptions,
        mut progress: impl FnMut(&str),
    ) -> Result<Model, Error> {
        let words = train
            .iter()
            .enumerate()
            .flat_map(|(n, s)| s.words.iter().enumerate().map(move |(i, w)| (n, i, w)));
        if let Some((n, i, w)) = words
            .into_iter()
            .find(|(_, _, w)| w.upos.parse::<Upos>().is_err())
        {
            return Err(TextError::UntaggedWord {
                sentence: n + 1,
                word: i + 1,
                form: w.form.clone(),
                upos: w.upos.clone(),
            }
            .into());
        }
        let tag_pairs: std::collections::BTreeSet<(&str, &str)> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str())))
            .collect();
        let relations: std::collections::BTreeSet<&str> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.deprel.as_str()))
            .collect();
        if tag_pairs.len() > MAX_CLASSES || 1 + 2 * relations.len() > MAX_CLASSES {
            return Err(TextError::TooManyClasses {
                pairs: tag_pairs.len(),
                relations: relations.len(),
                max_pairs: MAX_CLASSES,
                max_relations: (MAX_CLASSES - 1) / 2,
            }
            .into());
        }
        let tag_options = TagTraining {
            epochs: options.tagger_epochs,
            seed: options.seed,
        };
        let tagger = Tagger::train(train, tag_options);
        progress("tagger trained");
        let lemmatizer = Lemmatizer::train(train);
        let tags = jackknifed_tags(train, &tagger.classes, tag_options);
        progress("training data tagged by jackknifing");
        let mut labels: Vec<String> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
            .collect();
        labels.sort();
        labels.dedup();
        let views: Vec<Vec<WordView>> = train.iter().map(|s| views_of(&s.words)).collect();
        let inputs: Vec<Input<'_>> = views
            .iter()
            .zip(&tags)
            .map(|(w, t)| Input { words: w, tags: t })
            .collect();
        let golds: Vec<Gold> = train.iter().map(|s| gold_of(s, &labels)).collect();
        let dev_views: Vec<Vec<WordView>> = dev.iter().map(|s| views_of(&s.words)).collect();
        let dev_tags: Vec<Vec<u16>> = dev_views.iter().map(|v| tagger.tag(v)).collect();
        let parse_options = ParseTraining {
            epochs: options.parser_epochs,
            seed: options.seed,
            explore_from: 1,
        };
        let mut epoch = 0;
        let parser = Parser::train(&inputs, &golds, labels, parse_options, |parser| {
            epoch += 1;
            let (uas, las) = attachment(parser, dev, &dev_views, &dev_tags);
            progress(&format!(
                "parser epoch {epoch}: dev UAS {uas:.2} LAS {las:.2}"
            ));
            las
        });
        let mut model =
            Model::assemble(tagger, lemmatizer, parser).expect("tags were checked above");
        model.tagger.prune(options.min_weight);
        model.parser.prune(options.min_weight);
        Ok(model)
    }

    fn assemble(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser) -> Option<Model> {
        let upos = tagger
            .classes
            .iter()
            .map(|(u, _)| u.parse().ok())
            .collect::<Option<Vec<Upos>>>()?;
        let finite = FiniteRule::new(&tagger.classes, &parser.labels);
        Some(Model {
            tagger,
            upos,
            lemmatizer,
            parser,
            finite,
        })
    }

    /// Tags, lemmatizes and parses one sentence, given its words' forms.
    ///
    /// ```
    /// let model = annals::text::Model::shipped();
    /// let words = model.analyse(&["Rockets", "hit", "the", "embassy", "."]);
    /// assert_eq!(words[1].lemma, "hit");
    /// assert_eq!(words[1].head, None); // the root
    /// assert_eq!(words[0].deprel, "nsubj");
    /// ```
    pub fn analyse(&self, forms: &[&str]) -> Vec<Analysis<'_>> {
        let views: Vec<WordView> = forms.iter().map(|f| WordView::new(f)).collect();
        let ambs = self.tagger.ambiguity_classes(&views);
        let mut tags = Vec::with_capacity(views.len());
        self.tagger.tag_rest(&views, &ambs, &mut tags);
        let first = self.reading(&views, tags);
        let Reading {
            tags,
            heads,
            labels,
        } = self
            .finite_again(forms, &views, &ambs, &first)
            .unwrap_or(first);
        forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let class = usize::from(tags[i]);
                let xpos = self.tagger.classes[class].1.as_str();
                Analysis {
                    upos: self.upos[class],
                    xpos,
                    lemma: self.lemmatizer.lemma(form, xpos),
                    head: heads[i],
                    deprel: &self.parser.labels[usize::from(labels[i])],
                }
            })
            .collect()
    }

    /// The Penn tags alone of one sentence's words, without their parse:
    /// about a fifth of what [`Model::analyse`] costs, for a caller whose
    /// question the tags may settle. They are the tagger's first reading,
    /// which the parse keeps except where a main clause without a finite
    /// verb makes it retag a participle as a past tense.
    ///
    /// ```
    /// let model = annals::text::Model::shipped();
    /// assert_eq!(model.tags(&["Rockets", "hit", "the", "embassy", "."])[2], "DT");
    /// ```
    pub fn tags(&self, forms: &[&str]) -> Vec<&str> {
        let views: Vec<WordView> = forms.iter().map(|f| WordView::new(f)).collect();
        let classes = self.tagger.tag(&views);
        classes
            .into_iter()
            .map(|c| self.tagger.classes[usize::from(c)].1.as_str())
            .collect()
    }

    /// The parse of a sentence with the given tags.
    fn reading(&self, views: &[WordView], tags: Vec<u16>) -> Reading {
        let (heads, labels) = self.parser.parse(&Input {
            words: views,
            tags: &tags,
        });
        Reading {
            tags,
            heads,
            labels,
        }
    }

    /// The sentence tagged and parsed again with a past-tense main verb,
    /// when its main clause has none and the tagger nearly chose one (see
    /// [`FiniteRule`]): the candidate whose past-tense reading scored
    /// closest to the tagger's choice, if the new parse's main clause is
    /// finite.
    fn finite_again(
        &self,
        forms: &[&str],
        views: &[WordView],
        ambs: &[u64],
        first: &Reading,
    ) -> Option<Reading> {
        let rule = &self.finite;
        let past = rule.past?;
        if rule.clauses_finite(&first.tags, &first.heads, &first.labels) {
            return None;
        }
        let mut closest: Option<(f32, usize)> = None;
        for w in rule.candidates(forms, &first.tags) {
            let scores = self.tagger.scores_at(views, ambs, &first.tags, w);
            let gap = scores[usize::from(first.tags[w])] - scores[usize::from(past)];
            if gap <= MARGIN && closest.is_none_or(|(g, _)| gap < g) {
                closest = Some((gap, w));
            }
        }
        let (_, w) = closest?;
        let mut tags = first.tags[..w].to_vec();
        tags.push(past);
        self.tagger.tag_rest(views, ambs, &mut tags);
        let again = self.reading(views, tags);
        rule.clauses_finite(&again.tags, &again.heads, &again.labels)
            .then_some(again)
    }

    /// Whether the treebank uses `lemma` as a verb's lemma: a noun of the
    /// same form names an act ("a hike", "the walk"), not a thing.
    pub(crate) fn is_verb_lemma(&self, lemma: &str) -> bool {
        self.lemmatizer.is_verb(lemma)
    }

    /// Fills in the tags, lemmas, heads and relations of a treebank
    /// sentence's words from their forms (the treebank's own tokens).
    pub fn annotate(&self, words: &mut [TreebankWord]) {
        let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
        let analyses: Vec<(String, String, String, usize, String)> = self
            .analyse(&forms)
            .into_iter()
            .map(|a| {
                (
                    a.upos.to_string(),
                    a.xpos.to_string(),
                    a.lemma,
                    a.head.map_or(0, |h| h + 1),
                    a.deprel.to_string(),
                )
            })
            .collect();
        for (w, (upos, xpos, lemma, head, deprel)) in words.iter_mut().zip(analyses) {
            (w.upos, w.xpos, w.lemma, w.head, w.deprel) = (upos, xpos, lemma, head, deprel);
        }
    }

    /// The model as bytes, for [`Model::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.tagger.write(&mut out);
        self.lemmatizer.write(&mut out);
        self.parser.write(&mut out);
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; a damaged or foreign
    /// file is an error, never a half-loaded model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let damaged = || Error::Text(TextError::DamagedModel);
        let mut input = Reader::new(bytes);
        if input.bytes(MAGIC.len()) != Some(&MAGIC[..]) {
            return Err(damaged());
        }
        let tagger = Tagger::read(&mut input).ok_or_else(damaged)?;
        let lemmatizer = Lemmatizer::read(&mut input).ok_or_else(damaged)?;
        let parser = Parser::read(&mut input).ok_or_else(damaged)?;
        if input.remaining() != 0 || parser.label_of("root").is_none() {
            return Err(damaged());
        }
        Model::assemble(tagger, lemmatizer, parser).ok_or_else(damaged)
    }
}

fn views_of(words: &[TreebankWord]) -> Vec<WordView> {
    words.iter().map(|w| WordView::new(&w.form)).collect()
}

fn gold_of(sentence: &TreebankSentence, labels: &[String]) -> Gold {
    let n = sentence.words.len();
    Gold {
        heads: sentence
            .words
            .iter()
            .map(|w| if w.head == 0 { n } else { w.head - 1 })
            .collect(),
        labels: sentence
            .words
            .iter()
            .map(|w| labels.binary_search(&w.deprel).unwrap_or(0) as u16)
            .collect(),
    }
}

/// Each training sentence tagged by a tagger trained on the other parts,
/// its classes numbered as in `classes` (the tagger trained on all of them).
fn jackknifed_tags(
    train: &[TreebankSentence],
    classes: &[(String, String)],
    options: TagTraining,
) -> Vec<Vec<u16>> {
    let mut tags = vec![Vec::new(); train.len()];
    for part in 0..JACKKNIFE {
        let rest: Vec<TreebankSentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % JACKKNIFE != part)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, options);
        for (i, s) in train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % JACKKNIFE == part)
        {
            let own = tagger.tag(&views_of(&s.words));
            // Classes are numbered per training set: map through the names.
            tags[i] = own
                .iter()
                .map(|&c| {
                    let name = &tagger.classes[usize::from(c)];
                    classes.iter().position(|k| k == name).unwrap_or(0) as u16
                })
                .collect();
        }
    }
    tags
}

/// Unlabelled and labelled attachment scores (labels compared on their
/// universal part, as CoNLL 2018 does).
fn attachment(
    parser: &Parser,
    dev: &[TreebankSentence],
    views: &[Vec<WordView>],
    tags: &[Vec<u16>],
) -> (f64, f64) {
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    for ((s, v), t) in dev.iter().zip(views).zip(tags) {
        let (heads, labels) = parser.parse(&Input { words: v, tags: t });
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            if heads[i].map_or(0, |h| h + 1) == w.head {
                uas += 1;
                let label = &parser.labels[usize::from(labels[i])];
                las += usize::from(label.split(':').next() == w.deprel.split(':').next());
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    (pct(uas), pct(las))
}
