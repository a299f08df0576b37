//! The portable encoders: branch-free byte arithmetic, for CPUs without the vector
//! instructions of `x86` and `aarch64`, and for the tails those leave.

// Secret bytes never index a table here: which cache line a lookup touches can be seen from
// another process sharing the `.node` file's pages (a 512-byte hex table spans 8 lines, so the
// line gives away the top 3 bits of a byte). Digits are computed instead, with arithmetic and
// sign masks and no branch, as RustCrypto's base16ct and base64ct do; the loops are simple
// enough for the compiler to vectorise, and measured faster than the tables they replace
// (base64url of 32 bytes: about 25 ns, from about 50).

/// All ones when `x >= k`, else zero, for `x` in `0..64` and `k` in `1..=64`: the top bit of
/// `x + 128 - k`, which cannot overflow a byte. Byte arithmetic only, so the compiler fills
/// sixteen lanes of a vector register where 16-bit lanes would fill eight.
#[inline(always)]
fn at_least(k: u8, x: u8) -> u8 {
  ((x + (128 - k)) >> 7).wrapping_neg()
}

/// The lowercase hex digit of `n` in `0..16`: `'0' + n`, plus the gap up to `'a'` from 10 on.
#[inline(always)]
fn hex_digit(n: u8) -> u8 {
  n + b'0' + (at_least(10, n) & (b'a' - b'0' - 10))
}

/// The base64url character of `x` in `0..64`: `'A' + x`, shifted at each range's start (`a` at
/// 26, `0` at 52, `-` at 62, `_` at 63), in wrapping byte arithmetic.
#[inline(always)]
fn base64url_char(x: u8) -> u8 {
  (x + b'A')
    .wrapping_add(at_least(26, x) & 6)
    .wrapping_sub(at_least(52, x) & 75)
    .wrapping_sub(at_least(62, x) & 13)
    .wrapping_add(at_least(63, x) & 49)
}

/// Writes lowercase hex of `bytes` to `out` (`hex_len` long).
pub fn hex(bytes: &[u8], out: &mut [u8]) {
  // Sixteen bytes at a time, a length the compiler vectorises in full; a loop of unknown length
  // (the encoders are called through pointers) would do short tokens a digit at a time.
  let (blocks, rest) = bytes.as_chunks::<16>();
  let (out_blocks, out_rest) = out.split_at_mut(32 * blocks.len());
  let (out_blocks, _) = out_blocks.as_chunks_mut::<32>();
  for (block, digits) in blocks.iter().zip(out_blocks) {
    hex_into(block, digits);
  }
  hex_into(rest, out_rest);
}

#[inline(always)]
fn hex_into(bytes: &[u8], out: &mut [u8]) {
  let (pairs, _) = out.as_chunks_mut::<2>();
  for (pair, &b) in pairs.iter_mut().zip(bytes) {
    *pair = [hex_digit(b >> 4), hex_digit(b & 15)];
  }
}

/// Writes base64url (RFC 4648 section 5) of `bytes` to `out` (`base64url_len` long), without `=`
/// padding, as Python's `token_urlsafe` strips it. Two passes: the sextets, then their
/// characters, sixteen at a time, which the compiler vectorises.
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
  let (blocks, rest) = out.as_chunks_mut::<16>();
  for block in blocks {
    for ch in block {
      *ch = base64url_char(*ch & 63);
    }
  }
  for ch in rest {
    *ch = base64url_char(*ch & 63);
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
  fn digits_match_the_alphabets_for_every_value() {
    for x in 0..64u8 {
      assert_eq!(base64url_char(x), BASE64URL[usize::from(x)], "sextet {x}");
    }
    for n in 0..16u8 {
      assert_eq!(
        hex_digit(n),
        b"0123456789abcdef"[usize::from(n)],
        "nibble {n}"
      );
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
