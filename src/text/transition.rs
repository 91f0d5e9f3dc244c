//! The arc-hybrid transition system the parser runs, with its dynamic
//! oracle.
//!
//! A parse is a sequence of three kinds of step over a stack and a buffer of
//! words: SHIFT moves the buffer's first word onto the stack; LEFT makes the
//! buffer's first word the head of the stack's top and pops it; RIGHT makes
//! the second word on the stack the head of the top and pops it. The root
//! sits at the end of the buffer and takes a dependent only when one word is
//! left on the stack, so every parse is a tree with exactly one root.
//!
//! The oracle tells, for any state, how many correct arcs each step would
//! lose (Goldberg and Nivre's dynamic oracle, exact for this system on
//! projective trees). Training follows the model's own mistakes and learns
//! the best step from wherever they lead, which is what keeps a greedy
//! parser from falling apart after its first error.

/// One step, with the relation label for LEFT and RIGHT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Shift,
    Left(u16),
    Right(u16),
}

impl Step {
    /// The step's number among `1 + 2 × labels` classes.
    pub(crate) fn class(self) -> usize {
        match self {
            Step::Shift => 0,
            Step::Left(l) => 1 + 2 * usize::from(l),
            Step::Right(l) => 2 + 2 * usize::from(l),
        }
    }

    pub(crate) fn from_class(class: usize) -> Step {
        match class {
            0 => Step::Shift,
            c if c % 2 == 1 => Step::Left(((c - 1) / 2) as u16),
            c => Step::Right(((c - 2) / 2) as u16),
        }
    }
}

/// The dependents of a word seen so far: the two outermost on each side,
/// how many there are, and which labels they carry.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Children {
    pub(crate) left: [Option<usize>; 2],
    pub(crate) right: [Option<usize>; 2],
    pub(crate) left_count: u8,
    pub(crate) right_count: u8,
    pub(crate) left_labels: u64,
    pub(crate) right_labels: u64,
}

/// A parser state over a sentence of `n` words; word `n` is the root.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub(crate) n: usize,
    pub(crate) stack: Vec<usize>,
    /// The buffer is the words `front..n`, then the root.
    pub(crate) front: usize,
    pub(crate) heads: Vec<usize>,
    pub(crate) labels: Vec<u16>,
    pub(crate) children: Vec<Children>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            front: 0,
            heads: vec![usize::MAX; n],
            labels: vec![0; n],
            children: vec![Children::default(); n + 1],
        }
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    /// The stack's `k`-th word from the top.
    pub(crate) fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    /// The buffer's `k`-th word (the root counts as the buffer's last).
    pub(crate) fn b(&self, k: usize) -> Option<usize> {
        let i = self.front + k;
        (i <= self.n).then_some(i)
    }

    /// Whether `step` may be taken; `root` is the label of the root relation.
    pub(crate) fn allows(&self, step: Step, root: u16) -> bool {
        match step {
            Step::Shift => self.front < self.n,
            Step::Left(l) => {
                !self.stack.is_empty()
                    && if self.front == self.n {
                        self.stack.len() == 1 && l == root
                    } else {
                        l != root
                    }
            }
            Step::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    pub(crate) fn apply(&mut self, step: Step) {
        match step {
            Step::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Step::Left(l) => {
                let dep = self.stack.pop().expect("LEFT needs a word on the stack");
                self.attach(self.front, dep, l);
            }
            Step::Right(l) => {
                let dep = self
                    .stack
                    .pop()
                    .expect("RIGHT needs two words on the stack");
                let head = *self
                    .stack
                    .last()
                    .expect("RIGHT needs two words on the stack");
                self.attach(head, dep, l);
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let c = &mut self.children[head];
        let bit = 1u64 << (label % 64);
        if dep < head {
            c.left_count = c.left_count.saturating_add(1);
            c.left_labels |= bit;
            push_outer(&mut c.left, dep, |new, old| new < old);
        } else {
            c.right_count = c.right_count.saturating_add(1);
            c.right_labels |= bit;
            push_outer(&mut c.right, dep, |new, old| new > old);
        }
    }

    /// How many correct arcs each kind of step would make unreachable, given
    /// the gold heads (`n` for the root): (SHIFT, LEFT, RIGHT).
    pub(crate) fn costs(&self, gold: &[usize]) -> (usize, usize, usize) {
        let buffer_dependents = |w: usize| (self.front..self.n).filter(|&d| gold[d] == w).count();
        let in_buffer = |h: usize| h >= self.front;
        let shift = if self.front < self.n {
            let b = self.front;
            let s0 = self.s(0);
            let deps = self.stack.iter().filter(|&&d| gold[d] == b).count();
            let head_lost = self.stack.contains(&gold[b]) && Some(gold[b]) != s0;
            deps + usize::from(head_lost)
        } else {
            usize::MAX
        };
        let left = match self.s(0) {
            Some(s0) => {
                let h = gold[s0];
                let head_lost = h != self.front && (Some(h) == self.s(1) || in_buffer(h));
                buffer_dependents(s0) + usize::from(head_lost)
            }
            None => usize::MAX,
        };
        let right = match (self.s(0), self.s(1)) {
            (Some(s0), Some(s1)) => {
                let h = gold[s0];
                buffer_dependents(s0) + usize::from(h != s1 && in_buffer(h))
            }
            _ => usize::MAX,
        };
        (shift, left, right)
    }
}

/// Keeps the two outermost children, `outer(new, old)` saying which is
/// further out.
fn push_outer(slots: &mut [Option<usize>; 2], dep: usize, outer: impl Fn(usize, usize) -> bool) {
    match slots[0] {
        None => slots[0] = Some(dep),
        Some(first) if outer(dep, first) => {
            slots[1] = Some(first);
            slots[0] = Some(dep);
        }
        Some(_) => match slots[1] {
            Some(second) if !outer(dep, second) => {}
            _ => slots[1] = Some(dep),
        },
    }
}

/// Lifts crossing arcs until the tree is projective (each word's subtree
/// is a continuous stretch), attaching a word to its grandparent: the
/// transition system can only build projective trees, so it learns from
/// the nearest one. `heads` uses `n` for the root.
pub(crate) fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    for _ in 0..n * n {
        let Some(d) = (0..n).find(|&d| !projective(heads, d)) else {
            return;
        };
        heads[d] = heads[heads[d]];
    }
}

/// Whether the arc into `d` is projective: every word between `d` and its
/// head descends from that head.
fn projective(heads: &[usize], d: usize) -> bool {
    let n = heads.len();
    let h = heads[d];
    if h == n {
        return true;
    }
    let (lo, hi) = if d < h { (d, h) } else { (h, d) };
    (lo + 1..hi).all(|k| {
        let mut x = k;
        for _ in 0..=n {
            if x == h {
                return true;
            }
            if x == n {
                return false;
            }
            x = heads[x];
        }
        false
    })
}
