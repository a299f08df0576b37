//! The portable encoders: branch-free arithmetic, for CPUs without the vector instructions of
//! `x86` and `aarch64`, and for inputs shorter than those paths' blocks.

// Secret bytes never index a table here: which cache line a lookup touches can be seen from
// another process sharing the `.node` file's pages (a 512-byte hex table spans 8 lines, so the
// line gives away the top 3 bits of a byte). Digits are computed instead, with sign masks and no
// branch, as RustCrypto's base16ct and base64ct do, on eight byte lanes of a `u64` at a time
// (SWAR). Lanes, not bytes: written a byte at a time, the same masks were compiled into compares
// and branches in a loop the compiler did not vectorise (base64url's last characters, in a build
// without LTO), and the timing test flagged it (|t| 443, zeros 2 ns slower than random bytes).
// Whole words of arithmetic leave the compiler no per-byte compare to branch on.

/// One in each byte lane.
const ONES: u64 = 0x0101_0101_0101_0101;

/// All ones in each lane of `x` (lanes in `0..64`) that is `>= k` (in `1..=64`), else zero: the
/// top bit of `x + 128 - k`, which carries into no other lane.
#[inline(always)]
fn at_least(k: u8, x: u64) -> u64 {
  (((x + ONES * u64::from(128 - k)) >> 7) & ONES) * 0xff
}

/// Lane-wise `a + b` modulo 256: the low seven bits of each lane added, the top bits set apart
/// so no carry crosses a lane.
#[inline(always)]
fn add(a: u64, b: u64) -> u64 {
  const LOW7: u64 = ONES * 0x7f;
  ((a & LOW7) + (b & LOW7)) ^ ((a ^ b) & !LOW7)
}

/// The lowercase hex digits of eight nibbles: `'0' + n`, plus the gap up to `'a'` from 10 on
/// (at most 102: no lane overflows).
#[inline(always)]
fn hex_digits(n: u64) -> u64 {
  n + ONES * u64::from(b'0') + (at_least(10, n) & (ONES * 39))
}

/// The base64url characters of eight sextets: `'A' + x`, shifted at each range's start (`a` at
/// 26, `0` at 52, `-` at 62, `_` at 63), modulo 256 in each lane.
#[inline(always)]
fn base64url_chars(x: u64) -> u64 {
  let c = x + ONES * u64::from(b'A');
  let c = add(c, at_least(26, x) & (ONES * 6));
  let c = add(c, at_least(52, x) & (ONES * 75u8.wrapping_neg() as u64));
  let c = add(c, at_least(62, x) & (ONES * 13u8.wrapping_neg() as u64));
  add(c, at_least(63, x) & (ONES * 49))
}

/// The digits of four bytes, in order: byte `i`'s high nibble in lane `2i`, its low in `2i + 1`.
#[inline(always)]
fn hex4(bytes: [u8; 4]) -> [u8; 8] {
  // Each byte to the low lane of a 16-bit field, then its nibbles to the two lanes.
  let x = u64::from(u32::from_le_bytes(bytes));
  let x = (x | x << 16) & 0x0000_ffff_0000_ffff;
  let x = (x | x << 8) & 0x00ff_00ff_00ff_00ff;
  let nibbles = (x >> 4) & 0x000f_000f_000f_000f | (x & 0x000f_000f_000f_000f) << 8;
  hex_digits(nibbles).to_le_bytes()
}

/// Writes lowercase hex of `bytes` to `out` (`hex_len` long).
pub fn hex(bytes: &[u8], out: &mut [u8]) {
  let (blocks, rest) = bytes.as_chunks::<4>();
  let (text, tail) = out.split_at_mut(8 * blocks.len());
  for (block, digits) in blocks.iter().zip(text.as_chunks_mut::<8>().0) {
    *digits = hex4(*block);
  }
  if !rest.is_empty() {
    let mut last = [0u8; 4];
    last[..rest.len()].copy_from_slice(rest);
    tail.copy_from_slice(&hex4(last)[..tail.len()]);
  }
}

/// Writes base64url (RFC 4648 section 5) of `bytes` to `out` (`base64url_len` long), without `=`
/// padding, as Python's `token_urlsafe` strips it. Two passes: the sextets, then their
/// characters, eight at a time.
pub fn base64url(bytes: &[u8], out: &mut [u8]) {
  let (groups, rest) = bytes.as_chunks::<3>();
  let (quads, tail) = out.split_at_mut(4 * groups.len());
  let (quads, _) = quads.as_chunks_mut::<4>();
  for (g, quad) in groups.iter().zip(quads) {
    let v = u32::from(g[0]) << 16 | u32::from(g[1]) << 8 | u32::from(g[2]);
    *quad = [(v >> 18) as u8, (v >> 12) as u8, (v >> 6) as u8, v as u8];
  }
  let v = rest
    .iter()
    .enumerate()
    .fold(0u32, |v, (i, &b)| v | u32::from(b) << (16 - 8 * i));
  for (i, ch) in tail.iter_mut().enumerate() {
    *ch = (v >> (18 - 6 * i)) as u8;
  }
  let (blocks, rest) = out.as_chunks_mut::<8>();
  for block in blocks {
    *block = base64url_chars(u64::from_le_bytes(*block) & (ONES * 63)).to_le_bytes();
  }
  if !rest.is_empty() {
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let chars = base64url_chars(u64::from_le_bytes(last) & (ONES * 63)).to_le_bytes();
    let n = rest.len();
    rest.copy_from_slice(&chars[..n]);
  }
}

#[cfg(test)]
mod tests {
  use super::*;
  use crate::encode::{base64url_len, hex_len};

  const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  fn hex_string(bytes: &[u8]) -> String {
    let mut out = vec![0; hex_len(bytes.len()).unwrap()];
    hex(bytes, &mut out);
    String::from_utf8(out).unwrap()
  }

  fn base64url_string(bytes: &[u8]) -> String {
    let mut out = vec![0; base64url_len(bytes.len()).unwrap()];
    base64url(bytes, &mut out);
    String::from_utf8(out).unwrap()
  }

  #[test]
  fn hex_matches_known_values() {
    assert_eq!(hex_string(b""), "");
    assert_eq!(hex_string(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    for b in 0..=255u8 {
      assert_eq!(hex_string(&[b]), format!("{b:02x}"));
      // Every byte value at every position of a short run.
      for at in 0..7 {
        let mut bytes = [0x5au8; 7];
        bytes[at] = b;
        let want: String = bytes.iter().map(|x| format!("{x:02x}")).collect();
        assert_eq!(hex_string(&bytes), want);
      }
    }
  }

  #[test]
  fn base64url_matches_rfc4648_vectors() {
    // RFC 4648 section 10, without padding.
    let cases = [
      ("", ""),
      ("f", "Zg"),
      ("fo", "Zm8"),
      ("foo", "Zm9v"),
      ("foob", "Zm9vYg"),
      ("fooba", "Zm9vYmE"),
      ("foobar", "Zm9vYmFy"),
    ];
    for (input, want) in cases {
      assert_eq!(base64url_string(input.as_bytes()), want);
    }
  }

  #[test]
  fn base64url_uses_url_safe_letters() {
    assert_eq!(base64url_string(&[0xfb, 0xff, 0xbf]), "-_-_");
    assert_eq!(base64url_string(&[0xff]), "_w");
    assert_eq!(base64url_string(&[0xff, 0xff]), "__8");
  }

  #[test]
  fn digits_match_the_alphabets_for_every_value_in_every_lane() {
    for x in 0..64u8 {
      for lane in 0..8 {
        // `x` in one lane, its neighbours at the extremes, whose carries must not reach it.
        let mut lanes = [if lane % 2 == 0 { 63 } else { 0 }; 8];
        lanes[lane] = x;
        let chars = base64url_chars(u64::from_le_bytes(lanes)).to_le_bytes();
        assert_eq!(
          chars[lane],
          BASE64URL[usize::from(x)],
          "sextet {x}, lane {lane}"
        );
        if x < 16 {
          let digits = hex_digits(u64::from_le_bytes(lanes.map(|l| l & 15))).to_le_bytes();
          assert_eq!(
            digits[lane],
            b"0123456789abcdef"[usize::from(x)],
            "nibble {x}"
          );
        }
      }
    }
  }

  #[test]
  fn base64url_matches_a_reference_on_every_length() {
    // A plain bit-by-bit reference: every 6 bits, most significant first.
    for n in 0..40usize {
      let bytes: Vec<u8> = (0..n).map(|i| (i * 97 + 13) as u8).collect();
      let bits: Vec<u8> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
        .collect();
      let want: String = bits
        .chunks(6)
        .map(|c| {
          let v = (0..6).fold(0usize, |v, i| v << 1 | usize::from(*c.get(i).unwrap_or(&0)));
          char::from(BASE64URL[v])
        })
        .collect();
      assert_eq!(base64url_string(&bytes), want, "{n} bytes");
    }
  }
}
