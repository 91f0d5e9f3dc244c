//! The dependency parser: a greedy arc-hybrid parser scored by an averaged
//! perceptron over the rich feature set of Zhang and Nivre (2011) — words
//! and tags of the stack and buffer, the outermost dependents found so far
//! with their labels, distances and valencies — trained with a dynamic
//! oracle.

use super::features::{templates, WordView};
use super::perceptron::{put_str, put_u32, Reader, Trainer, Weights};
use super::tagger::shuffle;
use super::transition::{projectivize, State, Step};

/// The value a feature takes for a position with no word.
const NONE: u64 = 0x0E;
/// The value of the root's word and tag.
const ROOT: u64 = 0x0F;

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parser {
    /// Relation labels, with subtypes (`nsubj:pass`).
    pub(crate) labels: Vec<String>,
    root: u16,
    weights: Weights,
}

/// One sentence as the parser sees it: words and the tagger's classes.
pub(crate) struct Input<'a> {
    pub(crate) words: &'a [WordView],
    pub(crate) tags: &'a [u16],
}

/// One gold tree: heads (`n` for the root) and label numbers.
pub(crate) struct Gold {
    pub(crate) heads: Vec<usize>,
    pub(crate) labels: Vec<u16>,
}

/// Options for training.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ParseTraining {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    /// From which epoch on the parser follows its own mistakes.
    pub(crate) explore_from: usize,
}

impl Parser {
    /// Heads (`None` for the root) and label numbers of each word.
    pub(crate) fn parse(&self, input: &Input<'_>) -> (Vec<Option<usize>>, Vec<u16>) {
        let n = input.words.len();
        let mut state = State::new(n);
        let mut features = Vec::with_capacity(96);
        let mut scores = vec![0.0; self.weights.classes];
        while !state.done() {
            if state.stack.is_empty() {
                // SHIFT is the only step allowed: no need to score.
                state.apply(Step::Shift);
                continue;
            }
            if state.front == n && state.stack.len() == 1 {
                // Only the root's arc is left.
                state.apply(Step::Left(self.root));
                continue;
            }
            features.clear();
            features_of(&state, input, &mut features);
            self.weights.score(&features, &mut scores);
            let step = self.best_allowed(&state, &scores);
            state.apply(step);
        }
        let heads = state.heads.iter().map(|&h| (h < n).then_some(h)).collect();
        (heads, state.labels)
    }

    fn best_allowed(&self, state: &State, scores: &[f32]) -> Step {
        best(state, scores, self.root, |_| true).expect("a state that is not done allows a step")
    }

    /// The number of the root relation's label.
    pub(crate) fn label_of(&self, name: &str) -> Option<u16> {
        self.labels.iter().position(|l| l == name).map(|i| i as u16)
    }

    pub(crate) fn prune(&mut self, min_weight: f32) {
        self.weights = self.weights.pruned(min_weight);
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.labels.len() as u32);
        for l in &self.labels {
            put_str(out, l);
        }
        put_u32(out, u32::from(self.root));
        self.weights.write(out);
    }

    pub(crate) fn read(input: &mut Reader<'_>) -> Option<Parser> {
        let n = input.u32()? as usize;
        let mut labels = Vec::with_capacity(n.min(256));
        for _ in 0..n {
            labels.push(input.str()?);
        }
        let root = u16::try_from(input.u32()?).ok()?;
        let weights = Weights::read(input)?;
        (usize::from(root) < labels.len() && weights.classes == 1 + 2 * labels.len()).then_some(
            Parser {
                labels,
                root,
                weights,
            },
        )
    }

    /// Trains on sentences with their gold trees. `check` is called after
    /// each epoch with the parser so far; the epoch it scores best is kept.
    pub(crate) fn train(
        inputs: &[Input<'_>],
        golds: &[Gold],
        labels: Vec<String>,
        options: ParseTraining,
        mut check: impl FnMut(&Parser) -> f64,
    ) -> Parser {
        let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let classes = 1 + 2 * labels.len();
        let mut trainer = Trainer::new(classes);
        let projective: Vec<Vec<usize>> = golds
            .iter()
            .map(|g| {
                let mut h = g.heads.clone();
                projectivize(&mut h);
                h
            })
            .collect();
        let mut order: Vec<usize> = (0..inputs.len()).collect();
        let mut rng = options.seed | 1;
        let mut best: Option<(f64, Parser)> = None;
        for epoch in 0..options.epochs {
            shuffle(&mut order, &mut rng);
            for &s in &order {
                let explore = epoch >= options.explore_from;
                learn_sentence(
                    &mut trainer,
                    &inputs[s],
                    &projective[s],
                    &golds[s].labels,
                    root,
                    explore,
                    &mut rng,
                );
            }
            let parser = Parser {
                labels: labels.clone(),
                root,
                weights: trainer.freeze(0.001),
            };
            let score = check(&parser);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, parser));
            }
        }
        match best {
            Some((_, parser)) => parser,
            None => Parser {
                labels,
                root,
                weights: trainer.freeze(0.001),
            },
        }
    }
}

/// One pass over a sentence: at each state, if the model's choice loses
/// more correct arcs than the best choice could, move weight to the best
/// choice; then go on from the model's choice (when exploring) or the best.
fn learn_sentence(
    trainer: &mut Trainer,
    input: &Input<'_>,
    gold_heads: &[usize],
    gold_labels: &[u16],
    root: u16,
    explore: bool,
    rng: &mut u64,
) {
    let mut state = State::new(input.words.len());
    let mut features = Vec::with_capacity(96);
    let mut scores = vec![0.0; trainer.classes()];
    while !state.done() {
        features.clear();
        features_of(&state, input, &mut features);
        trainer.score(&features, &mut scores);
        let (shift, left, right) = state.costs(gold_heads);
        let cost = |step: Step| -> usize {
            match step {
                Step::Shift => shift,
                Step::Left(l) => {
                    let s0 = state.s(0).expect("LEFT is allowed");
                    left.saturating_add(usize::from(
                        gold_heads[s0] == state.front && l != gold_labels[s0],
                    ))
                }
                Step::Right(l) => {
                    let s0 = state.s(0).expect("RIGHT is allowed");
                    right.saturating_add(usize::from(
                        Some(gold_heads[s0]) == state.s(1) && l != gold_labels[s0],
                    ))
                }
            }
        };
        let guess = best(&state, &scores, root, |_| true).expect("not done");
        let least = (0..scores.len())
            .map(Step::from_class)
            .filter(|&s| state.allows(s, root))
            .map(cost)
            .min()
            .expect("not done");
        let right_step =
            best(&state, &scores, root, |s| cost(s) == least).expect("a least-cost step");
        trainer.tick();
        let wrong = cost(guess) > least;
        if wrong {
            trainer.update(&features, right_step.class(), guess.class());
        }
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let follow_guess = wrong && explore && *rng % 10 != 0;
        state.apply(if follow_guess || !wrong {
            guess
        } else {
            right_step
        });
    }
}

/// The highest-scoring step that is allowed and passes `keep`.
fn best(state: &State, scores: &[f32], root: u16, keep: impl Fn(Step) -> bool) -> Option<Step> {
    let mut found: Option<(f32, Step)> = None;
    for (class, &score) in scores.iter().enumerate() {
        let step = Step::from_class(class);
        if state.allows(step, root) && keep(step) && found.is_none_or(|(b, _)| score > b) {
            found = Some((score, step));
        }
    }
    found.map(|(_, s)| s)
}

/// The features of a state.
fn features_of(state: &State, input: &Input<'_>, out: &mut Vec<u64>) {
    let n = state.n;
    let word = |i: Option<usize>| -> u64 {
        match i {
            None => NONE,
            Some(i) if i == n => ROOT,
            Some(i) => input.words[i].lower,
        }
    };
    let tag = |i: Option<usize>| -> u64 {
        match i {
            None => NONE,
            Some(i) if i == n => ROOT,
            Some(i) => u64::from(input.tags[i]) + 16,
        }
    };
    let suffix = |i: Option<usize>| -> u64 {
        match i {
            Some(i) if i < n => input.words[i].suffix[2],
            other => word(other),
        }
    };
    let label = |i: Option<usize>| -> u64 {
        i.filter(|&i| i < n)
            .map_or(NONE, |i| u64::from(state.labels[i]) + 16)
    };
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (state.b(0), state.b(1), state.b(2));
    let kids = |i: Option<usize>| i.map(|i| state.children[i]).unwrap_or_default();
    let (k0, k1, kb) = (kids(s0), kids(s1), kids(b0));
    let (s0l1, s0l2, s0r1, s0r2) = (k0.left[0], k0.left[1], k0.right[0], k0.right[1]);
    let (b0l1, b0l2) = (kb.left[0], kb.left[1]);
    let (s1l1, s1r1, s1r2) = (k1.left[0], k1.right[0], k1.right[1]);
    let (s0w, s0t, s1w, s1t, s2w, s2t) = (word(s0), tag(s0), word(s1), tag(s1), word(s2), tag(s2));
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (word(b0), tag(b0), word(b1), tag(b1), word(b2), tag(b2));
    let gap = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) => bucket(b.abs_diff(a)),
        _ => NONE,
    };
    let d = gap(s0, b0);
    let d1 = gap(s1, s0);
    let s0wt = s0w ^ s0t.rotate_left(32);
    let s1wt = s1w ^ s1t.rotate_left(32);
    let b0wt = b0w ^ b0t.rotate_left(32);
    let (r0, l0) = (u64::from(k0.right_count), u64::from(k0.left_count));
    let (lb, r1) = (u64::from(kb.left_count), u64::from(k1.right_count));
    #[rustfmt::skip]
    let rows = [
        // 1-16: words and tags at the top of the stack and the front of the buffer
        [s0w, 0, 0], [s0t, 0, 0], [s0wt, 0, 0], [s1w, 0, 0],
        [s1t, 0, 0], [s1wt, 0, 0], [b0w, 0, 0], [b0t, 0, 0],
        [b0wt, 0, 0], [b1w, 0, 0], [b1t, 0, 0], [b1w, b1t, 0],
        [b2w, 0, 0], [b2t, 0, 0], [s2t, 0, 0], [s2w, 0, 0],
        // 17-29: pairs of them
        [s0wt, b0wt, 0], [s0wt, b0w, 0], [s0w, b0wt, 0], [s0wt, b0t, 0],
        [s0t, b0wt, 0], [s0w, b0w, 0], [s0t, b0t, 0], [b0t, b1t, 0],
        [s1t, s0t, 0], [s1w, s0w, 0], [s1wt, s0t, 0], [s1t, s0wt, 0],
        [s1t, b0t, 0],
        // 30-43: triples, with the outermost children's tags
        [b0t, b1t, b2t], [s0t, b0t, b1t], [s1t, s0t, b0t],
        [s2t, s1t, s0t], [s0t, tag(s0l1), b0t], [s0t, tag(s0r1), b0t],
        [s0t, b0t, tag(b0l1)], [s1t, s0t, tag(s0l1)], [s1t, s0t, tag(s0r1)],
        [s1t, tag(s1r1), s0t], [s0t, tag(s0l1), tag(s0l2)], [s0t, tag(s0r1), tag(s0r2)],
        [b0t, tag(b0l1), tag(b0l2)], [s1t, tag(s1r1), tag(s1r2)],
        // 44-49: with the distance between s0 and b0 (s1 and s0)
        [s0w, d, 0], [s0t, d, 0], [b0w, d, 0],
        [b0t, d, 0], [s0t, b0t, d], [s1t, s0t, d1],
        // 50-56: with the number of children on a side
        [s0w, r0, 0], [s0t, r0, 0], [s0w, l0, 0], [s0t, l0, 0],
        [b0w, lb, 0], [b0t, lb, 0], [s1t, r1, 0],
        // 57-75: the outermost children's words, tags and labels
        [word(s0l1), 0, 0], [tag(s0l1), 0, 0], [label(s0l1), 0, 0], [word(s0r1), 0, 0],
        [tag(s0r1), 0, 0], [label(s0r1), 0, 0], [tag(s0l2), 0, 0], [label(s0l2), 0, 0],
        [tag(s0r2), 0, 0], [label(s0r2), 0, 0], [word(b0l1), 0, 0], [tag(b0l1), 0, 0],
        [label(b0l1), 0, 0], [tag(b0l2), 0, 0], [label(b0l2), 0, 0], [tag(s1r1), 0, 0],
        [label(s1r1), 0, 0], [tag(s1l1), 0, 0], [label(s1l1), 0, 0],
        // 76-80: the sets of children's labels, the stack's depth
        [s0w, k0.left_labels, 0], [s0t, k0.right_labels, 0], [b0t, kb.left_labels, 0],
        [s0t, k0.left_labels, 0], [b0t, bucket(state.stack.len()), 0],
        // 81-83: suffixes
        [suffix(s0), b0t, 0], [suffix(b0), 0, 0], [suffix(s0), 0, 0],
        // 84-87: labels with tags, three words
        [s0t, label(s0l1), label(s0r1)], [s1t, label(s1r1), s0t],
        [b0t, label(b0l1), s0t], [s0w, s1w, b0w],
    ];
    templates(1, &rows, out);
}

/// Distances and counts in buckets: exact up to 4, then coarser.
fn bucket(x: usize) -> u64 {
    match x {
        0..=4 => x as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}
