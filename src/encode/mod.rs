//! Text encodings of random bytes: lowercase hex and unpadded base64url. Both produce ASCII only,
//! so the strings cross into V8 as latin1 (one byte per character) with no UTF-8 decoding.
//!
//! Secret bytes never index a table in memory: which cache line a lookup touches can be seen from
//! another process sharing the `.node` file's pages. Each path computes its digits another way:
//! `scalar` with byte arithmetic and sign masks, `x86` and `aarch64` with shuffles whose table is
//! a constant held whole in a register (`pshufb`, `vpshufb`, `vpermb`, `tbl`), the lookups of Muła
//! and Lemire's base64 encoders. The fastest path the CPU has is chosen once, at the first call.

use std::sync::OnceLock;

#[cfg(target_arch = "aarch64")]
mod aarch64;
mod scalar;
#[cfg(test)]
mod timing;
#[cfg(target_arch = "x86_64")]
mod x86;

/// A path's two encoders, each writing the text of `bytes` to `out`, of exactly the length
/// `hex_len` or `base64url_len` gives.
#[derive(Clone, Copy)]
pub struct Encoders {
  pub hex: fn(&[u8], &mut [u8]),
  pub base64url: fn(&[u8], &mut [u8]),
}

const SCALAR: Encoders = Encoders {
  hex: scalar::hex,
  base64url: scalar::base64url,
};

/// The fastest path this CPU can run, found once: after that, a load and an indirect call.
fn best() -> &'static Encoders {
  static BEST: OnceLock<Encoders> = OnceLock::new();
  BEST.get_or_init(|| {
    #[cfg(target_arch = "x86_64")]
    let found = x86::avx512vbmi().or_else(x86::avx2).or_else(x86::ssse3);
    #[cfg(target_arch = "aarch64")]
    let found = Some(aarch64::NEON);
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    let found = None;
    found.unwrap_or(SCALAR)
  })
}

/// Every path this build has, by name, and its encoders where this CPU can run them.
#[cfg(test)]
pub fn paths() -> Vec<(&'static str, Option<Encoders>)> {
  let mut paths = vec![("scalar", Some(SCALAR))];
  #[cfg(target_arch = "x86_64")]
  paths.extend([
    ("ssse3", x86::ssse3()),
    ("avx2", x86::avx2()),
    ("avx512vbmi", x86::avx512vbmi()),
  ]);
  #[cfg(target_arch = "aarch64")]
  paths.push(("neon", Some(aarch64::NEON)));
  paths
}

/// Length of lowercase hex for `n` bytes, if a `usize` can count it.
pub fn hex_len(n: usize) -> Option<usize> {
  n.checked_mul(2)
}

/// Writes lowercase hex of `bytes` to `out` (`hex_len` long).
pub fn hex(bytes: &[u8], out: &mut [u8]) {
  (best().hex)(bytes, out)
}

/// Length of unpadded base64url for `n` bytes, `ceil(4 * n / 3)`, if a `usize` can count it.
pub fn base64url_len(n: usize) -> Option<usize> {
  (n / 3).checked_mul(4)?.checked_add([0, 2, 3][n % 3])
}

/// Writes base64url (RFC 4648 section 5) of `bytes` to `out` (`base64url_len` long), without `=`
/// padding, as Python's `token_urlsafe` strips it.
pub fn base64url(bytes: &[u8], out: &mut [u8]) {
  (best().base64url)(bytes, out)
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn base64url_len_is_ceil_four_thirds() {
    for n in 0..100 {
      assert_eq!(base64url_len(n), Some((4 * n).div_ceil(3)));
    }
  }

  #[test]
  fn lengths_past_a_usize_are_none_not_wrapped() {
    assert_eq!(hex_len(usize::MAX / 2), Some(usize::MAX - 1));
    assert_eq!(hex_len(usize::MAX / 2 + 1), None);
    assert_eq!(base64url_len(usize::MAX / 4 * 3), Some(usize::MAX / 4 * 4));
    assert_eq!(base64url_len(usize::MAX / 4 * 3 + 3), None);
    assert_eq!(base64url_len(usize::MAX), None);
  }

  /// xorshift64*: reproducible test inputs.
  fn inputs(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
      .map(|_| {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
      })
      .collect()
  }

  /// Every path against the scalar one, at every length up to 300 (every block size and tail of
  /// every path, several times over), on random bytes, all zeros and all ones, and written into
  /// a slice inside a larger buffer, whose guard bytes must stay untouched. A path this CPU cannot
  /// run is skipped, and said so. (Planted once each: `-` miscoded as `+` in the SSSE3 and AVX2
  /// offsets, failed at 8 bytes; one bit offset of the AVX-512 base64 multishift off by one,
  /// failed at 6 bytes; an AVX-512 store mask one byte too long, caught by the guard bytes at 1
  /// byte; the SSSE3 tail's shuffle zeroing from index 17 instead of 16, failed at 16 bytes.)
  #[test]
  fn every_path_matches_the_scalar_one_at_every_length() {
    for (name, encoders) in paths() {
      let Some(encoders) = encoders else {
        println!("skipped: this CPU cannot run the {name} path");
        continue;
      };
      for n in 0..=300usize {
        for (k, bytes) in [inputs(n as u64 + 1, n), vec![0; n], vec![0xff; n]]
          .iter()
          .enumerate()
        {
          type Pair = (fn(usize) -> Option<usize>, fn(&[u8], &mut [u8]));
          let cases: [(&str, Pair, Pair); 2] = [
            ("hex", (hex_len, scalar::hex), (hex_len, encoders.hex)),
            (
              "base64url",
              (base64url_len, scalar::base64url),
              (base64url_len, encoders.base64url),
            ),
          ];
          for (what, (len, want_fn), (_, got_fn)) in cases {
            let len = len(n).unwrap();
            let mut want = vec![0u8; len];
            want_fn(bytes, &mut want);
            let mut got = vec![0x55u8; len + 64];
            got_fn(bytes, &mut got[32..32 + len]);
            assert_eq!(
              got[32..32 + len],
              want,
              "{name} {what} of {n} bytes, input {k}"
            );
            assert!(
              got[..32].iter().chain(&got[32 + len..]).all(|&c| c == 0x55),
              "{name} {what} of {n} bytes wrote outside its output"
            );
          }
        }
      }
      println!("checked: the {name} path");
    }
  }

  #[test]
  fn the_dispatched_encoders_are_one_of_the_paths() {
    let bytes = inputs(99, 32);
    let (mut h, mut b) = ([0u8; 64], [0u8; 43]);
    hex(&bytes, &mut h);
    base64url(&bytes, &mut b);
    let (mut hs, mut bs) = ([0u8; 64], [0u8; 43]);
    scalar::hex(&bytes, &mut hs);
    scalar::base64url(&bytes, &mut bs);
    assert_eq!((h, b), (hs, bs));
  }
}
