//! Exactly uniform integers by rejection sampling.
//!
//! `x % n` over random `x` favours small results whenever `n` does not divide the range of `x`.
//! Drawing just enough bits for `n - 1` and retrying when the draw is `>= n` gives every result
//! the same probability, and each try succeeds with probability above one half.

use crate::source::{Error, Source};

/// Uniform in `[0, n)`; `n >= 1`.
pub fn below_u64(src: &mut impl Source, n: u64) -> Result<u64, Error> {
  debug_assert!(n >= 1);
  let max = n - 1;
  let bits = 64 - max.leading_zeros() as usize;
  loop {
    let r = bits_u64(src, bits)?;
    if r <= max {
      return Ok(r);
    }
  }
}

/// Uniform in `[0, n)` for `n` given as little-endian 64-bit words, `n >= 1`.
pub fn below_words(src: &mut impl Source, n: &[u64]) -> Result<Vec<u64>, Error> {
  let max = minus_one(n);
  let bits = bit_length(&max);
  loop {
    let r = bits_words(src, bits)?;
    if !greater(&r, &max) {
      return Ok(r);
    }
  }
}

/// Uniform in `[0, 2**bits)`, `bits <= 64`, reading only the bytes the bits need.
fn bits_u64(src: &mut impl Source, bits: usize) -> Result<u64, Error> {
  let mut buf = [0u8; 8];
  src.fill(&mut buf[..bits.div_ceil(8)])?;
  Ok(u64::from_le_bytes(buf) & mask(bits))
}

/// Uniform in `[0, 2**bits)` as little-endian words (at least one word, so zero is `[0]`).
pub fn bits_words(src: &mut impl Source, bits: usize) -> Result<Vec<u64>, Error> {
  let mut bytes = vec![0u8; bits.div_ceil(64).max(1) * 8];
  src.fill(&mut bytes[..bits.div_ceil(8)])?;
  let mut words: Vec<u64> = bytes
    .chunks_exact(8)
    .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
    .collect();
  crate::source::wipe(&mut bytes);
  if let Some(top) = words.last_mut() {
    if !bits.is_multiple_of(64) {
      *top &= mask(bits % 64);
    }
  }
  Ok(words)
}

fn mask(bits: usize) -> u64 {
  if bits >= 64 {
    u64::MAX
  } else {
    (1u64 << bits) - 1
  }
}

/// Number of significant bits of a little-endian word string.
pub fn bit_length(words: &[u64]) -> usize {
  match words.iter().rposition(|&w| w != 0) {
    Some(i) => i * 64 + 64 - words[i].leading_zeros() as usize,
    None => 0,
  }
}

/// `n - 1` for `n >= 1`, trimmed of high zero words.
fn minus_one(n: &[u64]) -> Vec<u64> {
  let mut out = n.to_vec();
  for w in out.iter_mut() {
    let (v, borrow) = w.overflowing_sub(1);
    *w = v;
    if !borrow {
      break;
    }
  }
  let len = out.iter().rposition(|&w| w != 0).map_or(1, |i| i + 1);
  out.truncate(len);
  out
}

/// `a > b` for little-endian word strings (public values: bounds, not secrets).
fn greater(a: &[u64], b: &[u64]) -> bool {
  let len = a.len().max(b.len());
  for i in (0..len).rev() {
    let (x, y) = (
      a.get(i).copied().unwrap_or(0),
      b.get(i).copied().unwrap_or(0),
    );
    if x != y {
      return x > y;
    }
  }
  false
}

#[cfg(test)]
mod tests {
  use super::*;
  use crate::source::scripted::Scripted;

  #[test]
  fn below_one_reads_nothing() {
    let mut src = Scripted::new(&[]);
    assert_eq!(below_u64(&mut src, 1).unwrap(), 0);
    assert_eq!(below_words(&mut src, &[1]).unwrap(), vec![0]);
    assert_eq!(src.used(), 0);
  }

  #[test]
  fn below_rejects_draws_at_or_above_n() {
    // n = 5 needs 3 bits: 7, 6 and 5 are rejected, 4 is kept; the high bits of each byte are masked.
    let mut src = Scripted::new(&[0xff, 0xfe, 0x05, 0xf4]);
    assert_eq!(below_u64(&mut src, 5).unwrap(), 4);
    assert_eq!(src.used(), 4);
  }

  #[test]
  fn below_power_of_two_never_rejects() {
    let mut src = Scripted::new(&[0xff, 0xff, 0xff, 0xff]);
    assert_eq!(below_u64(&mut src, 1 << 32).unwrap(), 0xffff_ffff);
    assert_eq!(src.used(), 4);
  }

  #[test]
  fn below_reads_only_the_bytes_it_needs() {
    // 3 * 2**29 - 1 has 31 bits: four bytes a draw, little-endian.
    let n = 3u64 << 29;
    let mut src = Scripted::new(&[0xff, 0xff, 0xff, 0x7f, 0x01, 0x02, 0x03, 0x04]);
    assert_eq!(below_u64(&mut src, n).unwrap(), 0x0403_0201);
    assert_eq!(src.used(), 8);
  }

  #[test]
  fn below_u64_max_uses_all_bits() {
    // All ones is u64::MAX itself, just out of range: rejected, then 1 is kept.
    let mut src = Scripted::new(&[
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
    assert_eq!(below_u64(&mut src, u64::MAX).unwrap(), 1);
  }

  #[test]
  fn below_words_compares_across_words() {
    // n = 2**64 + 1: max = 2**64 needs 65 bits (9 bytes). The first draw is 2**64 + 1 (rejected),
    // the second 2**64 (kept).
    let mut script = vec![1, 0, 0, 0, 0, 0, 0, 0, 0xff];
    script.extend([0, 0, 0, 0, 0, 0, 0, 0, 0xfe]);
    let mut src = Scripted::new(&script);
    assert_eq!(below_words(&mut src, &[1, 1]).unwrap(), vec![0, 0]);
    assert_eq!(src.used(), 18);
  }

  #[test]
  fn below_words_ignores_high_zero_words() {
    let mut src = Scripted::new(&[0x03]);
    assert_eq!(below_words(&mut src, &[4, 0, 0]).unwrap(), vec![3]);
  }

  #[test]
  fn bits_words_masks_the_top_word() {
    let mut src = Scripted::new(&[0xff; 9]);
    assert_eq!(bits_words(&mut src, 65).unwrap(), vec![u64::MAX, 1]);
    let mut src = Scripted::new(&[]);
    assert_eq!(bits_words(&mut src, 0).unwrap(), vec![0]);
    let mut src = Scripted::new(&[0xff; 8]);
    assert_eq!(bits_words(&mut src, 64).unwrap(), vec![u64::MAX]);
  }

  #[test]
  fn bit_length_counts_significant_bits() {
    assert_eq!(bit_length(&[0]), 0);
    assert_eq!(bit_length(&[1]), 1);
    assert_eq!(bit_length(&[u64::MAX]), 64);
    assert_eq!(bit_length(&[0, 1]), 65);
    assert_eq!(bit_length(&[5, 0, 0]), 3);
  }

  #[test]
  fn minus_one_borrows_across_words() {
    assert_eq!(minus_one(&[0, 1]), vec![u64::MAX]);
    assert_eq!(minus_one(&[1]), vec![0]);
    assert_eq!(minus_one(&[0, 0, 1]), vec![u64::MAX, u64::MAX]);
  }
}
