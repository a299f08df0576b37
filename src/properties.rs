//! Property tests of the core's byte, size and bigint handling, over many inputs drawn from a
//! seeded xorshift (nightly fuzzing is not run here; these cover the same ground under `cargo
//! test`): every pool request gets exactly its bytes, each byte once; `at_most` stays within its
//! bound; the encoders agree with references at every length. (Planted once: the pool handing
//! out bytes in place without moving past them; the first property failed at once.)

use crate::below;
use crate::encode;
use crate::source::{Pool, Source};

/// xorshift64*: a fixed, reproducible stream of test inputs (not a source of secrets).
struct Inputs(u64);

impl Inputs {
  fn next(&mut self) -> u64 {
    self.0 ^= self.0 >> 12;
    self.0 ^= self.0 << 25;
    self.0 ^= self.0 >> 27;
    self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
  }

  fn below(&mut self, n: u64) -> u64 {
    self.next() % n
  }
}

#[test]
fn pool_requests_of_any_size_get_distinct_bytes() {
  let mut inputs = Inputs(7);
  let mut pool = Pool::new();
  let mut seen = std::collections::HashSet::new();
  for _ in 0..600 {
    // Sizes around every boundary: empty, pool-sized, past a refill, past a rekey.
    let n = match inputs.below(4) {
      0 => inputs.below(70) as usize,
      1 => 4090 + inputs.below(12) as usize,
      2 => inputs.below(20_000) as usize,
      _ => 65_530 + inputs.below(12) as usize,
    };
    let mut out = vec![0u8; n];
    if inputs.below(2) == 0 {
      pool.fill(&mut out).unwrap();
    } else {
      pool.take(n, |b| out.copy_from_slice(b)).unwrap();
    }
    // Every 8-byte word of output is new (a repeat of a 64-bit word: about 2**-40 here).
    for w in out.chunks_exact(8) {
      assert!(
        seen.insert(u64::from_le_bytes(w.try_into().unwrap())),
        "a repeated word"
      );
    }
  }
}

#[test]
fn at_most_stays_within_any_bound() {
  let mut inputs = Inputs(11);
  for _ in 0..2000 {
    let words = 1 + inputs.below(5) as usize;
    let mut max: Vec<u64> = (0..words).map(|_| inputs.next()).collect();
    // Bounds of every shape: a sparse top word, zero words above, all ones.
    match inputs.below(4) {
      0 => max[words - 1] >>= inputs.below(64),
      1 => max[words - 1] = 0,
      2 => max.iter_mut().for_each(|w| *w = u64::MAX),
      _ => {}
    }
    let mut out = vec![0; below::words_for(below::bit_length(&max))];
    let mut pool = Pool::new();
    below::at_most(&mut pool, &max, &mut out).unwrap();
    let padded: Vec<u64> = (0..out.len().max(max.len()))
      .map(|i| max.get(i).copied().unwrap_or(0))
      .collect();
    let value: Vec<u64> = (0..padded.len())
      .map(|i| out.get(i).copied().unwrap_or(0))
      .collect();
    assert!(
      value.iter().rev().le(padded.iter().rev()),
      "{value:?} > {max:?}"
    );
  }
}

/// The dispatched encoders and every path this CPU runs, against plain references (formatting and
/// bit-by-bit base64), not only against the scalar path as `encode`'s own test compares them.
/// (Planted once each: the scalar offset for `a..z` 7 instead of 6, failed at 1 byte; an AVX-512
/// multishift offset off by one, failed at 6 bytes.)
#[test]
fn encoders_agree_with_references_at_every_length() {
  let mut inputs = Inputs(13);
  let mut paths: Vec<(&str, encode::Encoders)> = encode::paths()
    .into_iter()
    .filter_map(|(name, e)| e.map(|e| (name, e)))
    .collect();
  paths.push((
    "dispatched",
    encode::Encoders {
      hex: encode::hex,
      base64url: encode::base64url,
    },
  ));
  for n in 0..=300usize {
    let bytes: Vec<u8> = (0..n).map(|_| inputs.next() as u8).collect();
    for (name, encoders) in &paths {
      check(name, encoders, &bytes);
    }
  }
}

/// The encodings of `bytes` by `encoders` against the references.
fn check(name: &str, encoders: &encode::Encoders, bytes: &[u8]) {
  let n = bytes.len();
  let mut hex = vec![0; encode::hex_len(n).unwrap()];
  (encoders.hex)(bytes, &mut hex);
  let want: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
  assert_eq!(hex, want.as_bytes(), "{name} hex of {n} bytes");
  let mut b64 = vec![0; encode::base64url_len(n).unwrap()];
  (encoders.base64url)(bytes, &mut b64);
  let digits = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let bits: Vec<u8> = bytes
    .iter()
    .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
    .collect();
  let want: Vec<u8> = bits
    .chunks(6)
    .map(|c| digits[(0..6).fold(0usize, |v, i| v << 1 | usize::from(*c.get(i).unwrap_or(&0)))])
    .collect();
  assert_eq!(b64, want, "{name} base64url of {n} bytes");
}
