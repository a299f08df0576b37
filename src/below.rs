//! Exactly uniform integers by rejection sampling.
//!
//! `x % n` over random `x` favours small results whenever `n` does not divide the range of `x`.
//! Drawing just enough bits for `n - 1` and redrawing when the draw exceeds `n - 1` gives every
//! result the same probability, and each try succeeds with probability above one half.
//!
//! Numbers are little-endian 64-bit words, as N-API exchanges bigints.

use crate::error::Error;
use crate::source::Source;

/// Replaces `n` (at least 1) by `n - 1`.
pub fn decrement(n: &mut [u64]) {
  for w in n.iter_mut() {
    let (v, borrow) = w.overflowing_sub(1);
    *w = v;
    if !borrow {
      break;
    }
  }
}

/// Number of significant bits.
pub fn bit_length(words: &[u64]) -> usize {
  match words.iter().rposition(|&w| w != 0) {
    Some(i) => i * 64 + 64 - words[i].leading_zeros() as usize,
    None => 0,
  }
}

/// Words needed to hold `bits` bits: at least one, so that zero is `[0]`.
pub fn words_for(bits: usize) -> usize {
  bits.div_ceil(64).max(1)
}

/// Fills `out` (of `words_for(bits)` words) with a uniform value in `[0, 2**bits)`, reading only
/// the bytes the bits need.
pub fn random_bits(src: &mut impl Source, bits: usize, out: &mut [u64]) -> Result<(), Error> {
  debug_assert_eq!(out.len(), words_for(bits));
  out.fill(0);
  src.fill(&mut words_as_bytes(out)[..bits.div_ceil(8)])?;
  for w in out.iter_mut() {
    *w = u64::from_le(*w);
  }
  if !bits.is_multiple_of(64) {
    if let Some(top) = out.last_mut() {
      *top &= (1u64 << (bits % 64)) - 1;
    }
  }
  Ok(())
}

/// Fills `out` (of `words_for(bit_length(max))` words) with a uniform value in `[0, max]`.
pub fn at_most(src: &mut impl Source, max: &[u64], out: &mut [u64]) -> Result<(), Error> {
  let bits = bit_length(max);
  loop {
    random_bits(src, bits, out)?;
    if !greater(out, max) {
      return Ok(());
    }
  }
}

/// `a > b`, by the borrow out of `b - a`, word by word with no early exit: the accepted draw
/// passes through here, and where an early-exit loop stopped would show which of its words
/// first differs from `max`. (Whether a draw is rejected shows in the time, and says nothing
/// about the draw that is kept.)
fn greater(a: &[u64], b: &[u64]) -> bool {
  let mut borrow = false;
  for i in 0..a.len().max(b.len()) {
    let (x, y) = (
      a.get(i).copied().unwrap_or(0),
      b.get(i).copied().unwrap_or(0),
    );
    let (d, b1) = y.overflowing_sub(x);
    let (_, b2) = d.overflowing_sub(u64::from(borrow));
    borrow = b1 | b2;
  }
  borrow
}

/// The bytes of `words`, little-endian on the machines Node runs on; `random_bits` converts
/// them to native order, so the result is right on any endianness.
pub fn words_as_bytes(words: &mut [u64]) -> &mut [u8] {
  let len = std::mem::size_of_val(words);
  // SAFETY: a `u64` slice is valid as `u8`s of eight times the length: every bit pattern is a
  // valid `u8`, `u8` needs no alignment, and the borrow of `words` is carried over.
  unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), len) }
}

#[cfg(test)]
mod tests {
  use super::*;
  use crate::source::scripted::Scripted;

  fn below(src: &mut Scripted, n: &[u64]) -> Vec<u64> {
    let mut max = n.to_vec();
    decrement(&mut max);
    let mut out = vec![0; words_for(bit_length(&max))];
    at_most(src, &max, &mut out).unwrap();
    out
  }

  #[test]
  fn below_one_reads_nothing() {
    let mut src = Scripted::new(&[]);
    assert_eq!(below(&mut src, &[1]), vec![0]);
    assert_eq!(src.used(), 0);
  }

  #[test]
  fn below_rejects_draws_at_or_above_n() {
    // n = 5 needs 3 bits: 7, 6 and 5 are rejected, 4 is kept; each byte's high bits are masked.
    let mut src = Scripted::new(&[0xff, 0xfe, 0x05, 0xf4]);
    assert_eq!(below(&mut src, &[5]), vec![4]);
    assert_eq!(src.used(), 4);
  }

  #[test]
  fn below_power_of_two_never_rejects() {
    let mut src = Scripted::new(&[0xff, 0xff, 0xff, 0xff]);
    assert_eq!(below(&mut src, &[1 << 32]), vec![0xffff_ffff]);
    assert_eq!(src.used(), 4);
  }

  #[test]
  fn below_reads_only_the_bytes_it_needs() {
    // 3 * 2**29 - 1 has 31 bits: four bytes a draw, little-endian.
    let mut src = Scripted::new(&[0xff, 0xff, 0xff, 0x7f, 0x01, 0x02, 0x03, 0x04]);
    assert_eq!(below(&mut src, &[3 << 29]), vec![0x0403_0201]);
    assert_eq!(src.used(), 8);
  }

  #[test]
  fn below_u64_max_uses_all_bits() {
    // All ones is u64::MAX itself, just out of range: rejected, then 1 is kept.
    let mut script = vec![0xff; 8];
    script.extend([1, 0, 0, 0, 0, 0, 0, 0]);
    let mut src = Scripted::new(&script);
    assert_eq!(below(&mut src, &[u64::MAX]), vec![1]);
  }

  #[test]
  fn below_compares_across_words() {
    // n = 2**64 + 1: max = 2**64 needs 65 bits (9 bytes, the ninth masked to its low bit). The
    // first draw is 2**64 + 1 (rejected), the second 2**64 (kept).
    let mut script = vec![1, 0, 0, 0, 0, 0, 0, 0, 0xff];
    script.extend([0, 0, 0, 0, 0, 0, 0, 0, 0xff]);
    let mut src = Scripted::new(&script);
    assert_eq!(below(&mut src, &[1, 1]), vec![0, 1]);
    assert_eq!(src.used(), 18);
  }

  #[test]
  fn below_ignores_high_zero_words() {
    let mut src = Scripted::new(&[0x03]);
    assert_eq!(below(&mut src, &[4, 0, 0]), vec![3]);
  }

  #[test]
  fn random_bits_masks_the_top_word() {
    let mut out = [0; 2];
    random_bits(&mut Scripted::new(&[0xff; 9]), 65, &mut out).unwrap();
    assert_eq!(out, [u64::MAX, 1]);
    let mut out = [7];
    random_bits(&mut Scripted::new(&[]), 0, &mut out).unwrap();
    assert_eq!(out, [0]);
    let mut out = [0];
    random_bits(&mut Scripted::new(&[0xff; 8]), 64, &mut out).unwrap();
    assert_eq!(out, [u64::MAX]);
    let mut out = [0];
    random_bits(&mut Scripted::new(&[0x34, 0xff]), 12, &mut out).unwrap();
    assert_eq!(out, [0xf34]);
  }

  #[test]
  fn greater_matches_the_comparison_of_the_numbers() {
    let values: [&[u64]; 9] = [
      &[0],
      &[1],
      &[u64::MAX],
      &[0, 1],
      &[u64::MAX, 1],
      &[5, 0, 0],
      &[0, 0, 1],
      &[1, u64::MAX],
      &[u64::MAX, u64::MAX],
    ];
    // The reference: the numbers as big-endian digit lists with no leading zeros, compared by
    // length and then digit by digit.
    let digits = |w: &[u64]| -> Vec<u64> {
      let mut d: Vec<u64> = w.iter().rev().copied().skip_while(|&x| x == 0).collect();
      d.shrink_to_fit();
      d
    };
    for a in values {
      for b in values {
        let (x, y) = (digits(a), digits(b));
        let want = (x.len(), &x) > (y.len(), &y);
        assert_eq!(greater(a, b), want, "{a:?} > {b:?}");
      }
    }
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
  fn decrement_borrows_across_words() {
    let mut n = [0, 1];
    decrement(&mut n);
    assert_eq!(n, [u64::MAX, 0]);
    let mut n = [1];
    decrement(&mut n);
    assert_eq!(n, [0]);
    let mut n = [0, 0, 1];
    decrement(&mut n);
    assert_eq!(n, [u64::MAX, u64::MAX, 0]);
  }

  #[test]
  fn words_for_has_room_for_zero() {
    assert_eq!(words_for(0), 1);
    assert_eq!(words_for(64), 1);
    assert_eq!(words_for(65), 2);
  }
}
