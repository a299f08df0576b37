//! Constant-time equality. `subtle` compares every element with no data-dependent branch or early
//! exit, so the time taken depends on the lengths alone; unequal lengths are public and return
//! at once.

use subtle::ConstantTimeEq;

pub fn equal<T: ConstantTimeEq>(a: &[T], b: &[T]) -> bool {
  a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn equal_compares_every_position() {
    assert!(equal::<u8>(&[], &[]));
    assert!(equal(&[1u8, 2, 3], &[1, 2, 3]));
    assert!(!equal(&[1u8, 2, 3], &[1, 2, 4]));
    assert!(!equal(&[0u8, 2, 3], &[1, 2, 3]));
    assert!(!equal(&[1u8, 2], &[1, 2, 3]));
    assert!(equal(&[0xd83du16, 0xde00], &[0xd83d, 0xde00]));
    assert!(!equal(&[0xd83du16, 0xde00], &[0xd83d, 0xde01]));
  }
}
