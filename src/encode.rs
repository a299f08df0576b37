//! Text encodings of random bytes. Both produce ASCII only, so the strings cross into V8 as
//! latin1 (one byte per character) with no UTF-8 decoding.

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Length of lowercase hex for `n` bytes.
pub fn hex_len(n: usize) -> usize {
  2 * n
}

/// Both hex digits of every byte, so each byte costs one load and one two-byte store. (Spreading
/// nibbles across a register, four bytes at a time, measured twice as slow on the benchmark machine.)
const HEX_PAIRS: [[u8; 2]; 256] = {
  let digits = b"0123456789abcdef";
  let mut table = [[0u8; 2]; 256];
  let mut i = 0;
  while i < 256 {
    table[i] = [digits[i >> 4], digits[i & 15]];
    i += 1;
  }
  table
};

/// Writes lowercase hex of `bytes` to `out` (`hex_len` long).
pub fn hex(bytes: &[u8], out: &mut [u8]) {
  let (pairs, _) = out.as_chunks_mut::<2>();
  for (pair, &b) in pairs.iter_mut().zip(bytes) {
    *pair = HEX_PAIRS[usize::from(b)];
  }
}

/// Length of unpadded base64url for `n` bytes: `ceil(4 * n / 3)`.
pub fn base64url_len(n: usize) -> usize {
  n / 3 * 4 + [0, 2, 3][n % 3]
}

/// Writes base64url (RFC 4648 section 5) of `bytes` to `out` (`base64url_len` long), without `=`
/// padding, as Python's `token_urlsafe` strips it.
pub fn base64url(bytes: &[u8], out: &mut [u8]) {
  let sextet = |v: u32, shift: u32| BASE64URL[((v >> shift) & 63) as usize];
  let mut quads = out.chunks_mut(4);
  for (c, quad) in bytes.chunks(3).zip(&mut quads) {
    let v = c
      .iter()
      .enumerate()
      .fold(0u32, |v, (i, &b)| v | u32::from(b) << (16 - 8 * i));
    for (i, ch) in quad.iter_mut().enumerate() {
      *ch = sextet(v, 18 - 6 * i as u32);
    }
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  fn hex_string(bytes: &[u8]) -> String {
    let mut out = vec![0; hex_len(bytes.len())];
    hex(bytes, &mut out);
    String::from_utf8(out).unwrap()
  }

  fn base64url_string(bytes: &[u8]) -> String {
    let mut out = vec![0; base64url_len(bytes.len())];
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
  fn base64url_len_is_ceil_four_thirds() {
    for n in 0..100 {
      assert_eq!(base64url_len(n), (4 * n).div_ceil(3));
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
