//! A dudect-style timing test of every encoder path this CPU can run (Reparaz, Balasch and
//! Verbauwhede, "Dude, is my code constant time?", 2017), in the form of
//! `__test__/ct/dudect.mts`: class 0 encodes 32 zero bytes, class 1 32 random ones, picked by a
//! coin for each sample; Welch's t compares the classes' times over all samples and below each of
//! the same percentiles (the crops cut the tail that interrupts add), and a case is flagged when
//! any |t| passes 4.5 (about 7e-6 for one t under no leak, so about 1e-4 for the largest of 12
//! crops; with 8 cases of ours a run, a false alarm about once in a thousand runs, which
//! `npm run test:ct` absorbs by confirming a flag in two more runs).
//!
//! Calibration, in the same run: an encoder that skips the leading zero bytes (an early exit on
//! the data) must be flagged, else the run had no power (|t| 100 to 3000, 2 to 4 ns apart). A
//! memory table indexed by the bytes is timed too, for information only: its 512 bytes stay in
//! the L1 cache, so its time hardly depends on the bytes; on x86-64 Zen 4 it was flagged in
//! some runs of 10**5 samples (|t| 5 to 25) and passed others (|t| 1 to 3), and at 10**6 it was
//! flagged (|t| 187, all zeros 0.6 ns slower a call: 32 loads of one entry). Cache-resident,
//! its timing is a property of this core; what makes such a table unsafe is another process
//! watching which of its cache lines are touched, which this test cannot see. No path here reads
//! memory at an address the bytes choose.
//!
//! Run by `npm run test:ct` (`cargo test --release --lib encode::timing -- --ignored`), which
//! parses the `ct-result` lines; `NAPI_SECRETS_CT_SAMPLES` sets the samples of each case and
//! `NAPI_SECRETS_CT_CASE` runs one case only.

use std::hint::black_box;
use std::time::Instant;

use super::{paths, scalar, Encoders};

/// Calls timed together in each sample, so that the clock's own cost (some 20 ns) does not swamp
/// an encoding of a few nanoseconds.
const BATCH: usize = 16;

/// dudect's bound on |t|.
const THRESHOLD: f64 = 4.5;

/// The percentiles at which times are cropped, plus none (1), as in `dudect.mts`.
const CROPS: [f64; 12] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0];

/// xorshift64*: the test's coin and random inputs (not a source of secrets).
struct Xorshift(u64);

impl Xorshift {
  fn next(&mut self) -> u64 {
    self.0 ^= self.0 >> 12;
    self.0 ^= self.0 << 25;
    self.0 ^= self.0 >> 27;
    self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
  }
}

#[derive(Default, Clone, Copy)]
struct Moments {
  n: f64,
  mean: f64,
  m2: f64,
}

impl Moments {
  /// Welford's update.
  fn add(&mut self, x: f64) {
    self.n += 1.0;
    let d = x - self.mean;
    self.mean += d / self.n;
    self.m2 += d * (x - self.mean);
  }
}

fn welch(a: Moments, b: Moments) -> f64 {
  if a.n < 2.0 || b.n < 2.0 {
    return 0.0;
  }
  let se = (a.m2 / (a.n - 1.0) / a.n + b.m2 / (b.n - 1.0) / b.n).sqrt();
  if se == 0.0 {
    0.0
  } else {
    (a.mean - b.mean) / se
  }
}

struct Verdict {
  t: f64,
  n: usize,
  median: [f64; 2],
}

/// Times `encode` on zero against random 32-byte inputs, `samples` batches in all.
fn dudect(encode: fn(&[u8], &mut [u8]), text_len: usize, samples: usize, seed: u64) -> Verdict {
  let mut rng = Xorshift(seed);
  let classes: Vec<usize> = (0..samples).map(|_| (rng.next() >> 63) as usize).collect();
  // 64 random inputs, used in turn (class 1's bytes differ from one sample to the next), and
  // after them the zeros of class 0, so both are copied from the same kind of memory.
  let mut rows: Vec<[u8; 32]> = (0..64)
    .map(|_| std::array::from_fn(|_| rng.next() as u8))
    .collect();
  rows.push([0; 32]);
  let (mut input, mut text) = ([0u8; 32], [0u8; 64]);
  let text = &mut text[..text_len];
  let encode = black_box(encode);
  // Warm-up: caches, branch predictors and clock frequency settle before anything counts.
  for i in 0..20_000 {
    encode(black_box(&rows[i % 65]), black_box(&mut *text));
  }
  let mut times = vec![0f64; samples];
  for (i, &class) in classes.iter().enumerate() {
    // The same copy for both classes, outside the clock, into the same buffer.
    input.copy_from_slice(&rows[if class == 0 { 64 } else { i % 64 }]);
    let start = Instant::now();
    for _ in 0..BATCH {
      encode(black_box(&input), black_box(&mut *text));
    }
    times[i] = start.elapsed().as_nanos() as f64;
  }
  // The first tenth sets the crops' thresholds and is not tested.
  let head = samples / 10;
  let mut sorted = times[..head].to_vec();
  sorted.sort_by(f64::total_cmp);
  let limits: Vec<f64> = CROPS
    .iter()
    .map(|&p| {
      if p == 1.0 {
        f64::INFINITY
      } else {
        sorted[(p * (head - 1) as f64) as usize]
      }
    })
    .collect();
  let mut moments = vec![[Moments::default(); 2]; CROPS.len()];
  for (&x, &class) in times.iter().zip(&classes).skip(head) {
    for (limit, m) in limits.iter().zip(moments.iter_mut()) {
      if x <= *limit {
        m[class].add(x);
      }
    }
  }
  let t = moments
    .iter()
    .map(|[a, b]| welch(*a, *b).abs())
    .fold(0.0, f64::max);
  let median = |c: usize| {
    let mut xs: Vec<f64> = (head..samples)
      .filter(|&i| classes[i] == c)
      .map(|i| times[i])
      .collect();
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0) / BATCH as f64
  };
  Verdict {
    t,
    n: moments[CROPS.len() - 1][0].n as usize,
    median: [median(0), median(1)],
  }
}

/// The calibration's leak: leading zero bytes are written as `00` without being encoded, so an
/// all-zero input returns early.
fn early_exit_hex(bytes: &[u8], out: &mut [u8]) {
  let zeros = bytes.iter().take_while(|&&b| b == 0).count();
  out[..2 * zeros].fill(b'0');
  scalar::hex(&bytes[zeros..], &mut out[2 * zeros..]);
}

/// Hex through a 512-byte table indexed by each byte: what the encoders must not do, though this
/// test cannot see it (see the module's comment).
fn table_hex(bytes: &[u8], out: &mut [u8]) {
  static TABLE: [[u8; 2]; 256] = {
    let digits = b"0123456789abcdef";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
      t[i] = [digits[i >> 4], digits[i & 15]];
      i += 1;
    }
    t
  };
  for (pair, &b) in out.as_chunks_mut::<2>().0.iter_mut().zip(bytes) {
    *pair = TABLE[usize::from(b)];
  }
}

/// (name, kind, encoder, text length): `ours` must pass, `leaky` must be flagged, `table` is shown.
type Case = (String, &'static str, fn(&[u8], &mut [u8]), usize);

fn cases() -> Vec<Case> {
  let mut cases: Vec<Case> = Vec::new();
  for (name, encoders) in paths() {
    let Some(Encoders { hex, base64url }) = encoders else {
      println!("skipped: this CPU cannot run the {name} path");
      continue;
    };
    cases.push((format!("{name} hex"), "ours", hex, 64));
    cases.push((format!("{name} base64url"), "ours", base64url, 43));
  }
  cases.push(("early-exit hex".into(), "leaky", early_exit_hex, 64));
  cases.push(("table hex".into(), "table", table_hex, 64));
  cases
}

#[test]
#[ignore = "a timing test: `npm run test:ct` runs it in a release build"]
fn encoders_take_the_same_time_for_any_bytes() {
  let var = |name: &str| std::env::var(name).ok();
  let samples = var("NAPI_SECRETS_CT_SAMPLES").map_or(200_000, |s| s.parse().unwrap());
  let only = var("NAPI_SECRETS_CT_CASE");
  // A fresh coin each run: a fixed one would repeat any unlucky alignment of classes and noise.
  let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
  let seed = since.map_or(1, |d| d.as_nanos() as u64 | 1);
  for (name, kind, encode, len) in cases() {
    if only.as_ref().is_some_and(|o| *o != name) {
      continue;
    }
    let v = dudect(encode, len, samples, seed);
    println!(
      "ct-result {{\"name\":\"{name}\",\"kind\":\"{kind}\",\"t\":{:.3},\"n\":{},\"median\":[{:.2},{:.2}],\"leaky\":{}}}",
      v.t,
      v.n,
      v.median[0],
      v.median[1],
      v.t > THRESHOLD
    );
  }
}
