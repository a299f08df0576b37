//! Memory that holds secrets: wiped once used, on every path out, errors and panics included.

use std::ops::{Deref, DerefMut};

use zeroize::{DefaultIsZeroes, Zeroize, Zeroizing};

use crate::error::Error;

/// Zeroes `xs` with volatile writes, which the optimiser may not drop as dead stores
/// (`black_box` promises no such thing).
pub fn wipe<T: DefaultIsZeroes>(xs: &mut [T]) {
  zeroize::Zeroize::zeroize(xs);
}

/// A borrowed buffer (a slice or an array) that is wiped when the guard is dropped, however the
/// scope is left.
pub struct Wiped<'a, T: Zeroize + ?Sized>(pub &'a mut T);

impl<T: Zeroize + ?Sized> Deref for Wiped<'_, T> {
  type Target = T;
  fn deref(&self) -> &T {
    self.0
  }
}

impl<T: Zeroize + ?Sized> DerefMut for Wiped<'_, T> {
  fn deref_mut(&mut self) -> &mut T {
    self.0
  }
}

impl<T: Zeroize + ?Sized> Drop for Wiped<'_, T> {
  fn drop(&mut self) {
    self.0.zeroize();
  }
}

/// A borrowed array that is wiped whole when the guard is dropped, however the scope is left.
/// Its length is known when compiled, so the wipe is a few vector stores kept by an optimisation
/// barrier, where a slice's (`Wiped`) calls `memset` and an array's through `Zeroize` writes a
/// byte at a time. For the buffers of the small paths: wiping a 64-character token's text as a
/// slice took about a sixth of `tokenHex(32)` (perf, Zen 4).
pub struct WipedArray<'a, T: DefaultIsZeroes, const N: usize>(pub &'a mut [T; N]);

impl<T: DefaultIsZeroes, const N: usize> Deref for WipedArray<'_, T, N> {
  type Target = [T; N];
  fn deref(&self) -> &[T; N] {
    self.0
  }
}

impl<T: DefaultIsZeroes, const N: usize> DerefMut for WipedArray<'_, T, N> {
  fn deref_mut(&mut self) -> &mut [T; N] {
    self.0
  }
}

impl<T: DefaultIsZeroes, const N: usize> Drop for WipedArray<'_, T, N> {
  fn drop(&mut self) {
    self.0.fill(T::default());
    // The barrier tells the compiler the zeros may be read, so the stores are not dropped as
    // dead ones.
    zeroize::optimization_barrier(self.0);
  }
}

/// An owned buffer of secrets, wiped (all of its capacity) when dropped.
pub type SecretVec<T> = Zeroizing<Vec<T>>;

/// `len` zeroes, or `Error::Memory` (with the bytes asked for) where `vec!` would abort the
/// process for want of memory.
pub fn zeroed<T: DefaultIsZeroes>(len: usize) -> Result<SecretVec<T>, Error> {
  let mut v = Vec::new();
  v.try_reserve_exact(len)
    .map_err(|_| Error::Memory(len.saturating_mul(std::mem::size_of::<T>())))?;
  v.resize(len, T::default());
  Ok(Zeroizing::new(v))
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn guard_wipes_on_the_error_path() {
    let mut buf = [7u8; 16];
    let early = |buf: &mut [u8]| -> Result<(), ()> {
      let mut guard = Wiped(buf);
      guard[0] = 1;
      Err(())?;
      Ok(())
    };
    assert!(early(&mut buf).is_err());
    assert_eq!(buf, [0; 16]);
  }

  #[test]
  fn guard_wipes_on_a_panic() {
    let mut buf = [7u8; 16];
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
      let _guard = Wiped(&mut buf[..]);
      panic!("on purpose");
    }));
    assert!(outcome.is_err());
    assert_eq!(buf, [0; 16]);
  }

  #[test]
  fn array_guard_wipes_on_a_panic() {
    let mut buf = [7u8; 64];
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
      let _guard = WipedArray(&mut buf);
      panic!("on purpose");
    }));
    assert!(outcome.is_err());
    assert_eq!(buf, [0; 64]);
  }

  #[test]
  fn zeroed_refuses_what_cannot_be_had() {
    assert!(zeroed::<u8>(usize::MAX).is_err());
    assert!(zeroed::<u64>(usize::MAX / 4).is_err());
    assert_eq!(zeroed::<u8>(3).unwrap()[..], [0, 0, 0]);
  }
}
