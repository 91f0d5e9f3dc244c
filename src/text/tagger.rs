//! The part-of-speech tagger: an averaged perceptron that reads left to
//! right, choosing for each word one pair of tags, universal (UPOS) and
//! Penn (XPOS), from its form, affixes, shape, neighbours, the tags it has
//! already chosen, and the tags the training data allowed each word
//! ("ambiguity classes": the set of tags a word was seen with, which is what
//! tells "saw" the verb from "saw" the noun, and what looks ahead to the
//! next words' likely tags).

use super::conllu::TreebankSentence;
use super::features::{templates, WordView};
use super::perceptron::{mix, put_str, put_u32, KeyMap, Reader, Trainer, Weights};

/// The ambiguity class of a word never seen in training.
const UNSEEN: u64 = 0xA11;
/// How many parts training data is cut into so that each part's ambiguity
/// classes come from the others: unknown words then look in training as they
/// will look in use.
const FOLDS: usize = 10;

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagger {
    /// Each class: (UPOS, XPOS).
    pub(crate) classes: Vec<(String, String)>,
    ambiguity: Vec<(u64, u64)>,
    ambiguity_index: KeyMap<u64>,
    weights: Weights,
}

/// Options for training.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TagTraining {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
}

impl Tagger {
    /// The class of each word, in order.
    pub(crate) fn tag(&self, words: &[WordView]) -> Vec<u16> {
        let ambs = self.ambiguity_classes(words);
        let mut tags = Vec::with_capacity(words.len());
        self.tag_rest(words, &ambs, &mut tags);
        tags
    }

    /// The ambiguity class of each word.
    pub(crate) fn ambiguity_classes(&self, words: &[WordView]) -> Vec<u64> {
        words
            .iter()
            .map(|w| *self.ambiguity_index.get(&w.lower).unwrap_or(&UNSEEN))
            .collect()
    }

    /// Tags the words after those `tags` already holds, greedily.
    pub(crate) fn tag_rest(&self, words: &[WordView], ambs: &[u64], tags: &mut Vec<u16>) {
        let mut features = Vec::with_capacity(48);
        let mut scores = vec![0.0; self.classes.len()];
        for i in tags.len()..words.len() {
            features.clear();
            features_at(words, ambs, tags, i, &mut features);
            self.weights.score(&features, &mut scores);
            tags.push(argmax(&scores) as u16);
        }
    }

    /// The score of each class for word `i`, given the tags before it.
    pub(crate) fn scores_at(
        &self,
        words: &[WordView],
        ambs: &[u64],
        tags: &[u16],
        i: usize,
    ) -> Vec<f32> {
        let mut features = Vec::with_capacity(48);
        features_at(words, ambs, &tags[..i], i, &mut features);
        let mut scores = vec![0.0; self.classes.len()];
        self.weights.score(&features, &mut scores);
        scores
    }

    pub(crate) fn prune(&mut self, min_weight: f32) {
        self.weights = self.weights.pruned(min_weight);
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.classes.len() as u32);
        for (u, x) in &self.classes {
            put_str(out, u);
            put_str(out, x);
        }
        put_u32(out, self.ambiguity.len() as u32);
        for (w, a) in &self.ambiguity {
            out.extend_from_slice(&w.to_le_bytes());
            out.extend_from_slice(&a.to_le_bytes());
        }
        self.weights.write(out);
    }

    pub(crate) fn read(input: &mut Reader<'_>) -> Option<Tagger> {
        let n = input.u32()? as usize;
        let mut classes = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            classes.push((input.str()?, input.str()?));
        }
        let m = input.u32()? as usize;
        let mut ambiguity = Vec::with_capacity(m.min(input.remaining() / 16));
        for _ in 0..m {
            ambiguity.push((input.u64()?, input.u64()?));
        }
        let weights = Weights::read(input)?;
        if weights.classes != classes.len() {
            return None;
        }
        Some(Tagger::assemble(classes, ambiguity, weights))
    }

    fn assemble(
        classes: Vec<(String, String)>,
        ambiguity: Vec<(u64, u64)>,
        weights: Weights,
    ) -> Tagger {
        let ambiguity_index = ambiguity.iter().copied().collect();
        Tagger {
            classes,
            ambiguity,
            ambiguity_index,
            weights,
        }
    }

    /// Trains a tagger on gold-tagged sentences.
    pub(crate) fn train(sentences: &[TreebankSentence], options: TagTraining) -> Tagger {
        let classes = class_list(sentences);
        let class_of = |w: &super::conllu::TreebankWord| {
            classes
                .binary_search(&(w.upos.clone(), w.xpos.clone()))
                .expect("every class was listed") as u16
        };
        let gold: Vec<Vec<u16>> = sentences
            .iter()
            .map(|s| s.words.iter().map(class_of).collect())
            .collect();
        let views: Vec<Vec<WordView>> = sentences
            .iter()
            .map(|s| s.words.iter().map(|w| WordView::new(&w.form)).collect())
            .collect();
        let counts = Counts::new(&views, &gold);
        let ambs: Vec<Vec<u64>> = views
            .iter()
            .enumerate()
            .map(|(s, ws)| {
                ws.iter()
                    .map(|w| counts.class_of(w.lower, Some(s % FOLDS)))
                    .collect()
            })
            .collect();
        let mut trainer = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = options.seed | 1;
        let mut features = Vec::with_capacity(48);
        let mut scores = vec![0.0; classes.len()];
        for _ in 0..options.epochs {
            shuffle(&mut order, &mut rng);
            for &s in &order {
                let mut tags: Vec<u16> = Vec::with_capacity(views[s].len());
                for (i, &truth) in gold[s].iter().enumerate() {
                    features.clear();
                    features_at(&views[s], &ambs[s], &tags, i, &mut features);
                    trainer.score(&features, &mut scores);
                    let guess = argmax(&scores);
                    trainer.tick();
                    trainer.update(&features, usize::from(truth), guess);
                    tags.push(guess as u16);
                }
            }
        }
        let ambiguity = counts.all_classes();
        Tagger::assemble(classes, ambiguity, trainer.freeze(0.001))
    }
}

fn class_list(sentences: &[TreebankSentence]) -> Vec<(String, String)> {
    let mut classes: Vec<(String, String)> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())))
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// The features of word `i`, given the tags chosen for the words before it.
fn features_at(words: &[WordView], ambs: &[u64], tags: &[u16], i: usize, out: &mut Vec<u64>) {
    let none = WordView::default();
    let at = |k: isize| -> (&WordView, u64) {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            (&none, 0xE0u64.wrapping_add(k as u64))
        } else {
            (&words[j as usize], ambs[j as usize])
        }
    };
    let tag = |k: usize| -> u64 {
        if i >= k {
            u64::from(tags[i - k]) + 1
        } else {
            0
        }
    };
    let (w, a) = at(0);
    let (wp, ap) = at(-1);
    let (wpp, _) = at(-2);
    let (wn, an) = at(1);
    let (wnn, ann) = at(2);
    let (p1, p2) = (tag(1), tag(2));
    let first = u64::from(i == 0);
    #[rustfmt::skip]
    let rows = [
        // 0: every word (the class's bias)
        [0, 0, 0],
        // 1-11: the word, its affixes and shape, the classes it has carried
        [w.lower, 0, 0], [w.exact, 0, 0], [w.suffix[0], 0, 0], [w.suffix[1], 0, 0],
        [w.suffix[2], 0, 0], [w.suffix[3], 0, 0], [w.prefix[0], 0, 0], [w.prefix[1], 0, 0],
        [w.prefix[2], 0, 0], [w.shape, 0, 0], [a, 0, 0],
        // 12-14: the tags chosen before it
        [p1, 0, 0], [p1, p2, 0], [p1, w.lower, 0],
        // 15-22: the words around it and their classes
        [wp.lower, 0, 0], [wp.suffix[2], 0, 0], [wpp.lower, 0, 0], [wn.lower, 0, 0],
        [wn.suffix[2], 0, 0], [wnn.lower, 0, 0], [an, 0, 0], [ann, 0, 0],
        // 23-33: pairs and a triple of the above
        [p1, a, 0], [a, an, 0], [w.lower, wn.lower, 0], [wp.lower, w.lower, 0],
        [first, w.shape, 0], [a, w.suffix[2], 0], [p1, an, 0], [ap, a, an],
        [p1, w.suffix[2], 0], [a, wn.lower, 0], [wp.lower, a, 0],
    ];
    templates(0, &rows, out);
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A deterministic Fisher–Yates shuffle (xorshift), so that training is the
/// same for the same seed on every machine.
pub(crate) fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// How often each word carried each class, in total and per fold.
struct Counts {
    map: KeyMap<Vec<(u16, u32, [u32; FOLDS])>>,
}

impl Counts {
    fn new(views: &[Vec<WordView>], gold: &[Vec<u16>]) -> Counts {
        let mut map: KeyMap<Vec<(u16, u32, [u32; FOLDS])>> = KeyMap::default();
        for (s, (ws, gs)) in views.iter().zip(gold).enumerate() {
            for (w, &g) in ws.iter().zip(gs) {
                let entry = map.entry(w.lower).or_default();
                let cell = match entry.iter().position(|c| c.0 == g) {
                    Some(k) => &mut entry[k],
                    None => {
                        entry.push((g, 0, [0; FOLDS]));
                        entry.last_mut().expect("just pushed")
                    }
                };
                cell.1 += 1;
                cell.2[s % FOLDS] += 1;
            }
        }
        for entry in map.values_mut() {
            entry.sort_unstable_by_key(|c| c.0);
        }
        Counts { map }
    }

    /// The ambiguity class of a word, leaving out one fold's counts.
    fn class_of(&self, word: u64, without: Option<usize>) -> u64 {
        let Some(entry) = self.map.get(&word) else {
            return UNSEEN;
        };
        let n = |c: &(u16, u32, [u32; FOLDS])| c.1 - without.map_or(0, |f| c.2[f]);
        let total: u32 = entry.iter().map(n).sum();
        if total == 0 {
            return UNSEEN;
        }
        let floor = (total / 20).max(1);
        entry
            .iter()
            .filter(|c| n(c) >= floor)
            .fold(0xAB, |h, c| mix(h, u64::from(c.0)))
    }

    fn all_classes(&self) -> Vec<(u64, u64)> {
        let mut out: Vec<(u64, u64)> = self
            .map
            .keys()
            .map(|&w| (w, self.class_of(w, None)))
            .collect();
        out.sort_unstable();
        out
    }
}
