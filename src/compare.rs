//! Constant-time equality.
//!
//! The differences of all positions are OR-ed into one word, eight bytes at a time, with no branch
//! and no early exit, and `subtle` gives the verdict on that word behind an optimisation barrier.
//! The work depends on the lengths alone; unequal lengths are public and return at once.
//! (Comparing byte by byte through `subtle` puts a barrier on every byte: about 1 ns each on the benchmark machine,
//! as much as the whole N-API call for a 32-byte digest.)

use subtle::ConstantTimeEq;

pub fn equal(a: &[u8], b: &[u8]) -> bool {
  if a.len() != b.len() {
    return false;
  }
  let (a_words, a_rest) = a.as_chunks::<8>();
  let (b_words, b_rest) = b.as_chunks::<8>();
  let words = a_words.iter().zip(b_words).fold(0u64, |diff, (x, y)| {
    diff | (u64::from_ne_bytes(*x) ^ u64::from_ne_bytes(*y))
  });
  let diff = a_rest
    .iter()
    .zip(b_rest)
    .fold(words, |diff, (&x, &y)| diff | u64::from(x ^ y));
  diff.ct_eq(&0).into()
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn equal_compares_every_position() {
    assert!(equal(&[], &[]));
    assert!(equal(&[1, 2, 3], &[1, 2, 3]));
    assert!(!equal(&[1, 2, 3], &[1, 2, 4]));
    assert!(!equal(&[0, 2, 3], &[1, 2, 3]));
    assert!(!equal(&[1, 2], &[1, 2, 3]));
    assert!(!equal(&[], &[0]));
  }

  #[test]
  fn equal_sees_a_difference_at_any_position_and_bit() {
    for len in [1, 7, 8, 9, 64, 67] {
      let a = vec![0x5au8; len];
      assert!(equal(&a, &a.clone()));
      for i in 0..len {
        for bit in 0..8 {
          let mut b = a.clone();
          b[i] ^= 1 << bit;
          assert!(!equal(&a, &b), "length {len}, byte {i}, bit {bit}");
        }
      }
    }
  }
}
