//! The averaged perceptron shared by the tagger and the parser.
//!
//! Features are 64-bit hashes of a template number and its values, so no
//! string is kept and a feature costs one table look-up. Training keeps, for
//! each feature, only the classes it was ever updated for (most features
//! meet two or three of the parser's hundred actions), with the running sums
//! that averaging needs. The frozen model is an open-addressing table from
//! feature to a run of `(class, weight)` pairs: compact, cache-friendly and
//! quick to load.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Mixes values into a feature hash (the finaliser of SplitMix64, which
/// spreads every input bit over the output).
pub(crate) const fn mix(h: u64, v: u64) -> u64 {
    let mut z = (h ^ v).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Where [`fnv`] starts.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes`, from `state`: hashing a string in pieces gives
/// the same as hashing it whole.
pub(crate) fn fnv(mut state: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(0x0000_0100_0000_01b3);
    }
    state
}

/// The last step of [`hash_str`], after [`fnv`].
pub(crate) fn finish(state: u64) -> u64 {
    mix(state, 0x5bd1_e995)
}

/// A stable 64-bit hash of a string (FNV-1a, then mixed).
pub(crate) fn hash_str(s: &str) -> u64 {
    finish(fnv(FNV_START, s.as_bytes()))
}

/// Keys are hashes already: hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct Cell {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// A perceptron being trained.
pub(crate) struct Trainer {
    classes: usize,
    weights: KeyMap<Vec<Cell>>,
    instances: u32,
}

impl Trainer {
    pub(crate) fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            weights: KeyMap::default(),
            instances: 0,
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's current weights to `scores` (one slot a class).
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(cells) = self.weights.get(f) {
                for c in cells {
                    scores[usize::from(c.class)] += c.weight;
                }
            }
        }
    }

    /// Counts one training instance (averaging weighs weights by how long
    /// they stood).
    pub(crate) fn tick(&mut self) {
        self.instances += 1;
    }

    /// Moves weight from the wrongly chosen class to the right one.
    pub(crate) fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &f in features {
            let cells = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let cell = match cells.iter_mut().position(|c| usize::from(c.class) == class) {
                    Some(i) => &mut cells[i],
                    None => {
                        cells.push(Cell {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        cells.last_mut().expect("just pushed")
                    }
                };
                cell.total += f64::from(now - cell.stamp) * f64::from(cell.weight);
                cell.stamp = now;
                cell.weight += delta;
            }
        }
    }

    /// The averaged weights, dropping those whose magnitude is below
    /// `min_weight` (they change no decision worth keeping) and features left
    /// with none.
    pub(crate) fn freeze(&self, min_weight: f32) -> Weights {
        let now = self.instances.max(1);
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut runs = Vec::with_capacity(keys.len());
        for key in keys {
            let mut run: Vec<(u16, f32)> = self.weights[&key]
                .iter()
                .map(|c| {
                    let total = c.total + f64::from(now - c.stamp) * f64::from(c.weight);
                    (c.class, (total / f64::from(now)) as f32)
                })
                .filter(|(_, w)| w.abs() >= min_weight && *w != 0.0)
                .collect();
            run.sort_unstable_by_key(|(c, _)| *c);
            if !run.is_empty() {
                runs.push((short_key(key), run));
            }
        }
        Weights::build(self.classes, runs)
    }
}

/// Frozen, averaged weights: an open-addressing table from a feature's
/// 32-bit key to a run of `(class, weight)` pairs. Two features sharing a
/// key (about one in four thousand at a million features) share weights,
/// which costs nothing measurable and halves the table.
///
/// Scoring is bound by memory, not arithmetic, so the table is packed: a
/// weight is 2 bytes (its class and its one-byte code, decoded through a
/// 256-entry table that stays in the first-level cache), and a slot is 16
/// bytes, a quarter of a cache line: the key, the run's length, and the run
/// itself when it has at most [`INLINE`] weights (nine features in ten meet
/// only one to four classes), else where it starts among the longer runs.
/// A look-up then mostly costs one cache miss, not two, whether the
/// feature is there or not. The English model's tables take about 40 MB in
/// memory.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    pub(crate) classes: usize,
    /// Key 0 marks an empty slot (real keys are never 0). A key's home is
    /// its top bits, and keys are placed in ascending order, each in its
    /// home or the first free slot after it: the keys of the table ascend,
    /// so loading it writes memory in order, and a search for a missing
    /// key ends where a present one would (the first greater key).
    slots: Vec<Slot>,
    /// The home of a key is `key >> shift`.
    shift: u32,
    /// Each weight's class and code, for runs too long to sit in a slot.
    entries: Vec<(u8, u8)>,
    /// The weights of the longest runs again, one row of `classes`
    /// weights each (0 for the classes they lack): the features with
    /// fewest values (a tag, a pair of tags) meet most classes and occur
    /// in every scoring, and a row adds in a few vector instructions what
    /// their runs add one weight at a time.
    dense: Vec<f32>,
    codes: [f32; 256],
}

/// A slot: the key, the run as `start << 8 | length`, and the run's
/// weights if it is short, in which case `start` is 0 and the rest of
/// `inline` is unused; a run longer than [`DENSE_FROM`] keeps its row of
/// `dense` in `inline` instead.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    run: u32,
    inline: [(u8, u8); INLINE],
}

/// The most weights a slot holds itself.
const INLINE: usize = 4;

/// The weights a vector instruction adds at once (eight with AVX2; a row
/// of [`MAX_CLASSES`] is a whole number of them).
const LANES: usize = 8;

/// Runs longer than this also have a dense row.
const DENSE_FROM: usize = 12;

/// The bytes of `inline` that say where a run's dense row is.
fn row_place(row: usize) -> [(u8, u8); INLINE] {
    let b = (row as u32).to_le_bytes();
    let mut inline = [(0, 0); INLINE];
    inline[0] = (b[0], b[1]);
    inline[1] = (b[2], b[3]);
    inline
}

/// The dense row `inline` points to (see [`row_place`]).
fn row_of(inline: [(u8, u8); INLINE]) -> usize {
    u32::from_le_bytes([inline[0].0, inline[0].1, inline[1].0, inline[1].1]) as usize
}

/// Adds the rows of `dense` that start at `starts`, each of `V` vectors of
/// [`LANES`] weights, to the first `V · LANES` sums: the sums are loaded
/// once, each row added in turn, and stored once.
#[inline(always)]
fn add_rows_in_registers<const V: usize>(
    dense: &[f32],
    starts: impl Iterator<Item = usize>,
    sums: &mut [f32; MAX_CLASSES],
) {
    let mut acc = [[0.0f32; LANES]; V];
    for (v, a) in acc.iter_mut().enumerate() {
        a.copy_from_slice(&sums[v * LANES..(v + 1) * LANES]);
    }
    for start in starts {
        let row = &dense[start..start + V * LANES];
        for (a, weights) in acc.iter_mut().zip(row.chunks_exact(LANES)) {
            for (sum, &weight) in a.iter_mut().zip(weights) {
                *sum += weight;
            }
        }
    }
    for (v, a) in acc.iter().enumerate() {
        sums[v * LANES..(v + 1) * LANES].copy_from_slice(a);
    }
}

/// Home slots a table keeps for each of its features (rounded up to a
/// power of two): at most half of them taken, a search mostly reads one
/// cache line.
const SLOTS_PER_FEATURE: usize = 2;

/// The most classes a table can tell apart (a class is one byte).
pub(crate) const MAX_CLASSES: usize = 256;
/// The most weights a table can hold (a run's start is 24 bits).
const MAX_ENTRIES: usize = 1 << 24;

/// A feature's key in the frozen table.
fn short_key(feature: u64) -> u32 {
    ((feature >> 32) as u32 ^ feature as u32).max(1)
}

impl Weights {
    /// Builds the table from runs; runs of equal keys merge.
    fn build(classes: usize, mut runs: Vec<(u32, Vec<(u16, f32)>)>) -> Weights {
        runs.sort_by_key(|(k, _)| *k);
        let mut merged: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(runs.len());
        for (key, run) in runs {
            match merged.last_mut() {
                Some((k, existing)) if *k == key => {
                    for (c, w) in run {
                        match existing.iter_mut().find(|(ec, _)| *ec == c) {
                            Some(e) => e.1 += w,
                            None => existing.push((c, w)),
                        }
                    }
                }
                _ => merged.push((key, run)),
            }
        }
        let mut w = Weights::with_capacity(classes, merged.len());
        for (key, run) in merged {
            let coded: Vec<(u8, u8)> = run
                .iter()
                .map(|&(c, wt)| (c as u8, quantize(wt) as u8))
                .collect();
            w.push(key, &coded);
        }
        w.finished()
    }

    fn with_capacity(classes: usize, features: usize) -> Weights {
        let home_slots = (features * SLOTS_PER_FEATURE).next_power_of_two().max(16);
        let mut slots = Vec::with_capacity(home_slots + home_slots / 64 + 1);
        slots.push(Slot::default());
        Weights {
            classes,
            slots,
            shift: 32 - home_slots.trailing_zeros(),
            entries: Vec::new(),
            dense: Vec::new(),
            codes: std::array::from_fn(|b| dequantize(b as u8 as i8)),
        }
    }

    /// Adds a key greater than every key in the table so far: it goes to
    /// its home slot, or the first free one after it, which is always at
    /// the end. Runs are at most one per class, so their length fits the
    /// slot's byte; the table's users keep under [`MAX_CLASSES`] and
    /// [`MAX_ENTRIES`]. The table always ends with an empty slot.
    fn push(&mut self, key: u32, run: &[(u8, u8)]) {
        let home = self.home(key);
        if self.slots.len() <= home {
            self.slots.resize(home + 1, Slot::default());
        }
        let run = &run[..run.len().min(255)];
        let mut inline = [(0, 0); INLINE];
        let start = if run.len() <= INLINE {
            inline[..run.len()].copy_from_slice(run);
            0
        } else {
            self.entries.extend_from_slice(run);
            let start = self.entries.len() - run.len();
            // Padded to whole quads (see `quads`).
            self.entries
                .resize(self.entries.len().next_multiple_of(INLINE), (0, 0));
            start
        };
        if run.len() > DENSE_FROM {
            inline = row_place(self.dense.len() / self.row_len());
            let row = self.dense.len();
            self.dense.resize(row + self.row_len(), 0.0);
            for &(class, code) in run {
                self.dense[row + usize::from(class)] = self.codes[usize::from(code)];
            }
        }
        *self
            .slots
            .last_mut()
            .expect("the table ends with an empty slot") = Slot {
            key,
            run: ((start as u32) << 8) | run.len() as u32,
            inline,
        };
        self.slots.push(Slot::default());
    }

    /// The table once every key is in: every home slot is there, and an
    /// empty slot after the last, where every search ends.
    fn finished(mut self) -> Weights {
        let homes = 1usize << (32 - self.shift);
        if self.slots.len() <= homes {
            self.slots.resize(homes + 1, Slot::default());
        }
        self
    }

    /// Where the search for `key` starts: its top bits, so that ascending
    /// keys have ascending homes.
    fn home(&self, key: u32) -> usize {
        (u64::from(key) >> self.shift) as usize
    }

    /// The slot holding `key`, if any, searched from its home slot
    /// `home` ([`Weights::home`]). Keys ascend along the table, so the
    /// search stops at the first empty slot or greater key.
    fn find(&self, key: u32, home: usize) -> Option<&Slot> {
        let mut i = home;
        // Empty slots (key 0) and greater keys both end the search.
        while self.slots[i].key.wrapping_sub(1) < key.wrapping_sub(1) {
            i += 1;
        }
        let slot = &self.slots[i];
        (slot.key == key).then_some(slot)
    }

    /// Whether adding a slot's run reads it from `entries`: it is longer
    /// than a slot holds, and has no dense row (a run with one is added
    /// from its row).
    fn added_from_entries(slot: &Slot) -> bool {
        (INLINE + 1..=DENSE_FROM).contains(&((slot.run & 0xff) as usize))
    }

    /// The length of a dense row: the classes, padded to whole vectors of
    /// [`LANES`] so that no row ends in a scalar tail.
    fn row_len(&self) -> usize {
        self.classes.next_multiple_of(LANES)
    }

    /// Whether a slot's run has a dense row.
    fn has_dense_row(&self, slot: &Slot) -> bool {
        (slot.run & 0xff) as usize > DENSE_FROM
    }

    /// Adds the dense rows of `slots` (each has one) to `sums`, row after
    /// row: each class's sum takes the same additions in the same order
    /// as adding each row to `sums` in turn, so the sums are the same to
    /// the bit. A row of up to 14 vectors (AVX2 has sixteen registers) is
    /// summed in registers and stored once; a longer one is added in memory.
    #[inline(always)]
    fn add_rows(&self, slots: &[Slot], sums: &mut [f32; MAX_CLASSES]) {
        let row_len = self.row_len();
        let starts = slots.iter().map(|s| row_of(s.inline) * row_len);
        // One copy of the loop for each number of vectors a row may
        // have, so that each is unrolled and its sums kept in registers.
        macro_rules! by_vectors {
            ($($v:literal)*) => {
                match row_len / LANES {
                    $($v => add_rows_in_registers::<$v>(&self.dense, starts, sums),)*
                    _ => {
                        for start in starts {
                            let row = &self.dense[start..start + row_len];
                            for (sum, &weight) in sums.iter_mut().zip(row) {
                                *sum += weight;
                            }
                        }
                    }
                }
            };
        }
        by_vectors!(1 2 3 4 5 6 7 8 9 10 11 12 13 14);
    }

    /// The weights of a slot's run.
    fn run<'a>(&'a self, slot: &'a Slot) -> &'a [(u8, u8)] {
        let len = (slot.run & 0xff) as usize;
        if len <= INLINE {
            &slot.inline[..len]
        } else {
            let start = (slot.run >> 8) as usize;
            &self.entries[start..start + len]
        }
    }

    /// A slot's run in whole quads of weights, the last padded with
    /// weights of 0 for class 0: adding them changes no sum (a sum is
    /// never −0), and a run added four weights at a time, without a test
    /// of its length, costs fewer instructions and no mispredicted branch.
    fn quads<'a>(&'a self, slot: &'a Slot) -> &'a [(u8, u8)] {
        let len = (slot.run & 0xff) as usize;
        if len <= INLINE {
            &slot.inline
        } else {
            let start = (slot.run >> 8) as usize;
            &self.entries[start..start + len.next_multiple_of(INLINE)]
        }
    }

    /// Sets `scores` to the sum of the features' weights, class by class
    /// (each class's weights added in the order of the features).
    ///
    /// The look-ups miss the cache, so they run in sweeps over a block of
    /// features: the first touches every feature's home slot, the next
    /// finds the slots, the next touches every run to be added from
    /// outside its slot, the last adds. Within a sweep no load waits for
    /// another, so the processor overlaps their misses instead of paying
    /// for them one after another.
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has just been found to run AVX2.
            unsafe { self.score_avx2(features, scores) };
            return;
        }
        self.score_with(features, scores);
    }

    /// [`Weights::score`] compiled for AVX2, which adds a dense row eight
    /// weights at a time rather than four (each class's sum takes the same
    /// additions in the same order, so the scores are the same).
    ///
    /// # Safety
    ///
    /// Only for a processor that runs AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, features: &[u64], scores: &mut [f32]) {
        self.score_with(features, scores);
    }

    /// The body of [`Weights::score`], inlined into each of its versions.
    #[inline(always)]
    fn score_with(&self, features: &[u64], scores: &mut [f32]) {
        const BLOCK: usize = 32;
        // Indexed by a class byte, the sums need no bounds checks.
        let mut sums = [0.0f32; MAX_CLASSES];
        for block in features.chunks(BLOCK) {
            let mut keys = [0u32; BLOCK];
            let mut homes = [0usize; BLOCK];
            let mut touched = 0u32;
            for ((key, home), &f) in keys.iter_mut().zip(&mut homes).zip(block) {
                *key = short_key(f);
                *home = self.home(*key);
                touched ^= self.slots[*home].key;
            }
            std::hint::black_box(touched);
            let mut found = [Slot::default(); BLOCK];
            let mut n = 0;
            for (&key, &home) in keys.iter().zip(&homes).take(block.len()) {
                if let Some(slot) = self.find(key, home) {
                    found[n] = *slot;
                    n += 1;
                }
            }
            let found = &found[..n];
            let mut first = 0u8;
            for slot in found.iter().filter(|s| Weights::added_from_entries(s)) {
                first ^= self.entries[(slot.run >> 8) as usize].0;
            }
            std::hint::black_box(first);
            let mut rest = found;
            while let Some(slot) = rest.first() {
                // A stretch of dense rows (features of tags and labels
                // come in stretches) is added in registers, stored once.
                let rows = rest
                    .iter()
                    .position(|s| !self.has_dense_row(s))
                    .unwrap_or(rest.len());
                if rows > 0 {
                    self.add_rows(&rest[..rows], &mut sums);
                    rest = &rest[rows..];
                    continue;
                }
                for quad in self.quads(slot).chunks_exact(INLINE) {
                    for &(class, code) in quad {
                        sums[usize::from(class)] += self.codes[usize::from(code)];
                    }
                }
                rest = &rest[1..];
            }
        }
        scores.copy_from_slice(&sums[..scores.len()]);
    }

    /// The runs, sorted by key.
    fn runs(&self) -> Vec<(u32, Vec<(u16, f32)>)> {
        let mut runs: Vec<(u32, Vec<(u16, f32)>)> = self
            .slots
            .iter()
            .filter(|slot| slot.key != 0)
            .map(|slot| {
                let run = self
                    .run(slot)
                    .iter()
                    .map(|&(c, q)| (u16::from(c), self.codes[usize::from(q)]));
                (slot.key, run.collect())
            })
            .collect();
        runs.sort_unstable_by_key(|(k, _)| *k);
        runs
    }

    /// The same weights without those smaller than `min_weight`.
    pub(crate) fn pruned(&self, min_weight: f32) -> Weights {
        let runs = self
            .runs()
            .into_iter()
            .map(|(k, run)| {
                (
                    k,
                    run.into_iter()
                        .filter(|(_, w)| w.abs() >= min_weight)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, run)| !run.is_empty())
            .collect();
        Weights::build(self.classes, runs)
    }

    /// Writes the table compactly: keys in ascending order as varint gaps,
    /// each run's length, then each weight as its class and a one-byte
    /// logarithmic code (see [`quantize`]).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let runs = self.runs();
        put_u32(out, self.classes as u32);
        put_u32(out, runs.len() as u32);
        let mut last = 0u32;
        for (key, run) in runs {
            put_varint(out, key - last);
            last = key;
            put_varint(out, run.len() as u32);
            for (c, w) in run {
                put_varint(out, u32::from(c));
                out.push(quantize(w) as u8);
            }
        }
    }

    /// Reads what [`Weights::write`] wrote: keys strictly ascending, classes
    /// in range, or `None`.
    pub(crate) fn read(input: &mut Reader<'_>) -> Option<Weights> {
        let classes = input.u32()? as usize;
        let count = input.u32()? as usize;
        if count > input.remaining() / 2 {
            return None;
        }
        if classes > MAX_CLASSES {
            return None;
        }
        let mut w = Weights::with_capacity(classes, count);
        let mut run = Vec::with_capacity(classes.min(1024));
        let mut key = 0u32;
        for _ in 0..count {
            let next = key.checked_add(input.varint()?)?;
            if next <= key {
                return None;
            }
            key = next;
            run.clear();
            let len = input.varint()? as usize;
            if len > classes || w.entries.len() + len > MAX_ENTRIES {
                return None;
            }
            for _ in 0..len {
                let class = u8::try_from(input.varint()?)
                    .ok()
                    .filter(|&c| usize::from(c) < classes)?;
                run.push((class, input.bytes(1)?[0]));
            }
            w.push(key, &run);
        }
        Some(w.finished())
    }
}

/// Scale of the one-byte weight code: code `q` means
/// `sign(q) · STEP · (2^(|q|/12) − 1)`, so small weights keep fine steps and
/// every weight keeps about 3 % of relative precision up to ±390.
const STEP: f32 = 0.25;

fn quantize(w: f32) -> i8 {
    let q = (12.0 * (1.0 + w.abs() / STEP).log2()).round().min(127.0) as i8;
    if w < 0.0 {
        -q
    } else {
        q
    }
}

fn dequantize(q: i8) -> f32 {
    let mag = STEP * ((f32::from(q.unsigned_abs()) / 12.0).exp2() - 1.0);
    if q < 0 {
        -mag
    } else {
        mag
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over a model file; every read checks the bounds, so a damaged
/// file is `None`, never a panic.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    #[inline]
    pub(crate) fn varint(&mut self) -> Option<u32> {
        // One byte, by far the most common (classes, most key gaps): the
        // model's load reads millions.
        if let Some((&b, rest)) = self.bytes.split_first() {
            if b & 0x80 == 0 {
                self.bytes = rest;
                return Some(u32::from(b));
            }
        }
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub(crate) fn str(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        self.take(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLASSES: usize = 64;

    /// Runs of weights by key.
    type Runs = Vec<(u32, Vec<(u16, f32)>)>;

    /// The weights of `runs` (key, length) as the table should score them.
    fn table(runs: &[(u32, usize)]) -> (Weights, Runs) {
        let runs: Vec<(u32, Vec<(u16, f32)>)> = runs
            .iter()
            .map(|&(key, len)| {
                let run = (0..len)
                    .map(|c| (c as u16, (key % 7) as f32 - 3.5 + c as f32))
                    .collect();
                (key, run)
            })
            .collect();
        (Weights::build(CLASSES, runs.clone()), runs)
    }

    /// Short runs sit in their slot, long ones outside, the longest in a
    /// dense row too; keys crowd into
    /// the same home slots and into the top of the key range; missing keys
    /// between, before and after them find nothing; the table survives a
    /// round trip through its file format.
    #[test]
    fn every_key_finds_its_own_run_and_missing_keys_none() {
        let keys: Vec<(u32, usize)> = [
            1u32,
            2,
            3,
            5,
            9,
            1 << 20,
            (1 << 20) + 1,
            u32::MAX - 1,
            u32::MAX,
        ]
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, [1, 4, 5, 17, 41, 64, 2, 3][i % 8]))
        .collect();
        let (weights, runs) = table(&keys);
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        let read = Weights::read(&mut Reader::new(&bytes)).expect("written just now");
        assert_eq!(read, weights);
        for (key, run) in &runs {
            let mut scores = vec![0.0; CLASSES];
            read.score(&[u64::from(*key)], &mut scores);
            for (class, score) in scores.iter().enumerate() {
                let want = run
                    .iter()
                    .find(|(c, _)| usize::from(*c) == class)
                    .map_or(0.0, |&(_, w)| dequantize(quantize(w)));
                assert_eq!(*score, want, "key {key} class {class}");
            }
        }
        for missing in [4u32, 6, 1 << 19, (1 << 20) + 2, u32::MAX - 2] {
            assert!(
                read.find(missing, read.home(missing)).is_none(),
                "{missing}"
            );
            let mut scores = vec![1.0; CLASSES];
            read.score(&[u64::from(missing)], &mut scores);
            assert!(scores.iter().all(|&s| s == 0.0), "{missing}");
        }
    }

    /// Many features at once sum class by class in the order of the
    /// features, exactly as adding their runs one weight at a time does,
    /// whether a run is in its slot, outside it or in a dense row.
    #[test]
    fn scores_add_in_feature_order() {
        let keys: Vec<(u32, usize)> = (0..200u32)
            .map(|k| (k * 7919 + 1, [1, 3, 4, 6, 41, 50, 64][k as usize % 7]))
            .collect();
        let (weights, runs) = table(&keys);
        // Keys of the table, often repeated, and keys it lacks.
        let features: Vec<u64> = (0..300u64)
            .map(|f| (f * 37 % 200) * 7919 + 1 + u64::from(f % 5 == 0))
            .collect();
        let mut scores = vec![0.0; CLASSES];
        weights.score(&features, &mut scores);
        let mut want = vec![0.0f32; CLASSES];
        for &f in &features {
            if let Some((_, run)) = runs.iter().find(|(k, _)| u64::from(*k) == f) {
                for &(c, w) in run {
                    want[usize::from(c)] += dequantize(quantize(w));
                }
            }
        }
        assert_eq!(scores, want);
        assert!(want.iter().any(|&w| w != 0.0));
    }
}
