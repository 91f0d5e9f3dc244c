//! The dependency parser: a greedy arc-hybrid parser scored by an averaged
//! perceptron over the rich feature set of Zhang and Nivre (2011) — words
//! and tags of the stack and buffer, the outermost dependents found so far
//! with their labels, distances and valencies — trained with a dynamic
//! oracle.

use super::features::WordView;
use super::parse_features::{features_of, Table};
use super::perceptron::{put_str, put_u32, Reader, Trainer, Weights};
use super::tagger::shuffle;
use super::transition::{projectivize, State, Step};

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parser {
    /// Relation labels, with subtypes (`nsubj:pass`).
    pub(crate) labels: Vec<String>,
    root: u16,
    weights: Weights,
    /// Which classes a state allows, by [`Parser::kind`]: worked out once
    /// from the labels, not for each class of each state.
    allowed: [Vec<bool>; 6],
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
        let table = Table::new(input.words, input.tags);
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
            features_of(&state, &table, &mut features);
            self.weights.score(&features, &mut scores);
            let step = self.best_allowed(&state, &scores);
            state.apply(step);
        }
        let heads = state.heads.iter().map(|&h| (h < n).then_some(h)).collect();
        (heads, state.labels)
    }

    /// A parser with the given labels (`root` the root's) and weights.
    fn new(labels: Vec<String>, root: u16, weights: Weights) -> Parser {
        let classes = 1 + 2 * labels.len();
        let allowed = std::array::from_fn(|kind| {
            // The smallest state of each kind: a stack of none, one or
            // two words, the buffer empty or not.
            let (depth, end) = (kind % 3, kind >= 3);
            let mut state = State::new(depth + usize::from(!end));
            (0..depth).for_each(|_| state.apply(Step::Shift));
            (0..classes)
                .map(|c| state.allows(Step::from_class(c), root))
                .collect()
        });
        Parser {
            labels,
            root,
            weights,
            allowed,
        }
    }

    /// What a state allows depends only on whether its buffer is empty
    /// and whether its stack holds no word, one, or more: the kind of
    /// state, 0 to 5.
    fn kind(state: &State) -> usize {
        3 * usize::from(state.front == state.n) + state.stack.len().min(2)
    }

    /// The highest-scoring step the state allows, the first on a tie: the
    /// same as [`best`] keeping every step, with what [`State::allows`]
    /// asks of the state worked out once ([`Parser::new`]). The highest
    /// score is found without a branch for each class, then the first
    /// allowed class that has it.
    fn best_allowed(&self, state: &State, scores: &[f32]) -> Step {
        let allowed = &self.allowed[Parser::kind(state)];
        let high = scores
            .iter()
            .zip(allowed)
            .map(|(&s, &ok)| if ok { s } else { f32::NEG_INFINITY })
            .fold(f32::NEG_INFINITY, f32::max);
        let class = scores
            .iter()
            .zip(allowed)
            .position(|(&s, &ok)| ok && s == high)
            .expect("a state that is not done allows a step");
        Step::from_class(class)
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
        (usize::from(root) < labels.len() && weights.classes == 1 + 2 * labels.len())
            .then(|| Parser::new(labels, root, weights))
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
            let parser = Parser::new(labels.clone(), root, trainer.freeze(0.001));
            let score = check(&parser);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, parser));
            }
        }
        match best {
            Some((_, parser)) => parser,
            None => Parser::new(labels, root, trainer.freeze(0.001)),
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
    let table = Table::new(input.words, input.tags);
    let mut features = Vec::with_capacity(96);
    let mut scores = vec![0.0; trainer.classes()];
    while !state.done() {
        features.clear();
        features_of(&state, &table, &mut features);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser's quick choice of a step is the step [`best`] picks
    /// among all those allowed, ties included, in every state that parses
    /// of one to five words reach, whichever label is the root's.
    #[test]
    fn best_allowed_agrees_with_best() {
        let labels: Vec<String> = (0..4).map(|l| format!("l{l}")).collect();
        let classes = 1 + 2 * labels.len();
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for root in 0..labels.len() as u16 {
            let parser = Parser::new(labels.clone(), root, Trainer::new(classes).freeze(0.0));
            for n in 1..6 {
                for _ in 0..40 {
                    let mut state = State::new(n);
                    while !state.done() {
                        // Few values, so that ties are common.
                        let scores: Vec<f32> = (0..classes)
                            .map(|_| {
                                rng ^= rng << 13;
                                rng ^= rng >> 7;
                                rng ^= rng << 17;
                                (rng % 4) as f32
                            })
                            .collect();
                        let want = best(&state, &scores, root, |_| true).expect("not done");
                        assert_eq!(parser.best_allowed(&state, &scores), want);
                        state.apply(want);
                    }
                }
            }
        }
    }
}
