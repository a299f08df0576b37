//! Text encodings of random bytes. Both produce ASCII only, so the strings cross into V8 as
//! latin1 (one byte per character) with no UTF-8 decoding.

const HEX: &[u8; 16] = b"0123456789abcdef";
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Lowercase hex, two characters a byte.
pub fn hex(bytes: &[u8]) -> Vec<u8> {
  let mut out = Vec::with_capacity(bytes.len() * 2);
  for &b in bytes {
    out.push(HEX[usize::from(b >> 4)]);
    out.push(HEX[usize::from(b & 15)]);
  }
  out
}

/// Length of unpadded base64url for `n` bytes: `ceil(4 * n / 3)`.
pub fn base64url_len(n: usize) -> usize {
  n / 3 * 4 + [0, 2, 3][n % 3]
}

/// Base64url (RFC 4648 section 5) without `=` padding, as Python's `token_urlsafe` strips it.
pub fn base64url(bytes: &[u8]) -> Vec<u8> {
  let mut out = Vec::with_capacity(base64url_len(bytes.len()));
  let sextet = |v: u32, shift: u32| BASE64URL[((v >> shift) & 63) as usize];
  let mut chunks = bytes.chunks_exact(3);
  for c in &mut chunks {
    let v = u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]);
    out.extend([sextet(v, 18), sextet(v, 12), sextet(v, 6), sextet(v, 0)]);
  }
  match *chunks.remainder() {
    [a] => {
      let v = u32::from(a) << 16;
      out.extend([sextet(v, 18), sextet(v, 12)]);
    }
    [a, b] => {
      let v = u32::from(a) << 16 | u32::from(b) << 8;
      out.extend([sextet(v, 18), sextet(v, 12), sextet(v, 6)]);
    }
    _ => {}
  }
  out
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn hex_matches_known_values() {
    assert_eq!(hex(b""), b"");
    assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), b"000fa5ff");
    let all: Vec<u8> = (0..=255).collect();
    let text = String::from_utf8(hex(&all)).unwrap();
    for (i, pair) in text.as_bytes().chunks(2).enumerate() {
      assert_eq!(std::str::from_utf8(pair).unwrap(), format!("{i:02x}"));
    }
  }

  #[test]
  fn base64url_matches_rfc4648_vectors() {
    // RFC 4648 section 10, without padding.
    let cases: [(&[u8], &[u8]); 7] = [
      (b"", b""),
      (b"f", b"Zg"),
      (b"fo", b"Zm8"),
      (b"foo", b"Zm9v"),
      (b"foob", b"Zm9vYg"),
      (b"fooba", b"Zm9vYmE"),
      (b"foobar", b"Zm9vYmFy"),
    ];
    for (input, want) in cases {
      assert_eq!(base64url(input), want);
    }
  }

  #[test]
  fn base64url_uses_url_safe_letters() {
    assert_eq!(base64url(&[0xfb, 0xff, 0xbf]), b"-_-_");
    assert_eq!(base64url(&[0xff]), b"_w");
  }

  #[test]
  fn base64url_len_is_ceil_four_thirds() {
    for n in 0..100 {
      assert_eq!(base64url_len(n), (4 * n).div_ceil(3));
      assert_eq!(base64url(&vec![0; n]).len(), base64url_len(n));
    }
  }
}
