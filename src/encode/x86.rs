//! The x86-64 encoders, each chosen only where the CPU reports its instructions:
//!
//! - SSSE3: 16 bytes to 32 hex digits, and 12 bytes to 16 base64url characters, per `pshufb`.
//! - AVX2: the same on both 128-bit lanes of `vpshufb`, 32 bytes to 64 digits and 24 to 32
//!   characters.
//! - AVX-512 VBMI, for base64url: `vpermb` lays out 16 groups, `vpmultishiftqb` picks each
//!   sextet's bits and `vpermb` looks them up in the 64-byte alphabet held in a register; masked
//!   loads and stores take a block of any length, so a token of 32 bytes is one block and no
//!   tail is left (Muła and Lemire, "Base64 encoding and decoding at almost the speed of a memory
//!   copy", 2019). Hex on such CPUs takes the AVX2 encoder: the same way (`vpmultishiftqb` for
//!   the nibbles, `vpermb` for the digits, masked) took 3.5 ns for 32 bytes where AVX2 took 2.7,
//!   and was slower at 30 and 48 bytes too (Zen 4).
//!
//! Base64 follows Muła and Lemire's SSE and AVX2 encoders: a shuffle puts each 3-byte group in a
//! 32-bit lane, two multiplies shift its four sextets into bytes, and the sextet's range (26
//! capitals, 26 small letters, 10 digits, `-`, `_`) picks, through `pshufb`, the offset that
//! turns it into its character.
//!
//! A tail shorter than a block is encoded by a block that ends where the input does: for hex, the
//! last 16 or 32 bytes again (their digits rewritten with the same values); for base64, whose
//! groups must start at multiples of 3, a load of the last 16 bytes with the group shuffle
//! shifted to where the tail starts, and the text written through a register-sized buffer.
//! Inputs shorter than 16 bytes take the scalar path. (A zero-padded copy of the tail, the
//! obvious way, cost 20 to 30 ns a token on Zen 4: its 16-byte loads could not be forwarded from
//! the narrower stores that had just written the copy.)

use core::arch::x86_64::*;

use super::{base64url_len, scalar, Encoders};
use crate::secret::WipedArray;

/// The SSSE3 path, if the CPU has it.
pub fn ssse3() -> Option<Encoders> {
  is_x86_feature_detected!("ssse3").then_some(Encoders {
    hex: |bytes, out| {
      // SAFETY: reachable only through `ssse3()`, which checked the CPU.
      unsafe { hex_ssse3(bytes, out) }
    },
    base64url: |bytes, out| {
      // SAFETY: as above.
      unsafe { base64url_ssse3(bytes, out) }
    },
  })
}

/// The AVX2 path, if the CPU has it.
pub fn avx2() -> Option<Encoders> {
  is_x86_feature_detected!("avx2").then_some(Encoders {
    hex: |bytes, out| {
      // SAFETY: reachable only through `avx2()`, which checked the CPU.
      unsafe { hex_avx2(bytes, out) }
    },
    base64url: |bytes, out| {
      // SAFETY: as above.
      unsafe { base64url_avx2(bytes, out) }
    },
  })
}

/// The AVX-512 VBMI path, if the CPU has it (and the AVX-512 F and BW it builds on).
pub fn avx512vbmi() -> Option<Encoders> {
  let has = is_x86_feature_detected!("avx512f")
    && is_x86_feature_detected!("avx512bw")
    && is_x86_feature_detected!("avx512vbmi");
  let avx2 = avx2()?;
  has.then_some(Encoders {
    hex: avx2.hex,
    base64url: |bytes, out| {
      // SAFETY: reachable only through `avx512vbmi()`, which checked the CPU.
      unsafe { base64url_avx512vbmi(bytes, out) }
    },
  })
}

const HEX_DIGITS: [u8; 16] = *b"0123456789abcdef";

/// For each byte of a 32-bit lane, the byte of a 3-byte group it takes: `[b1, b0, b2, b1]`, the
/// order the multiplies of `sextets` expect.
const GROUPS: [u8; 16] = [1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10];

/// The offset from a sextet to its character, by the class `chars` gives it: 0 for `a..z`
/// (`'a' - 26`), 1 to 10 for `0..9` (`'0' - 52`), 11 for `-` (`'-' - 62`), 12 for `_`
/// (`'_' - 63`), 13 for `A..Z` (`'A'`).
const OFFSETS: [u8; 16] = {
  let mut t = [0u8; 16];
  t[0] = b'a' - 26;
  let mut i = 1;
  while i <= 10 {
    t[i] = b'0'.wrapping_sub(52);
    i += 1;
  }
  t[11] = b'-'.wrapping_sub(62);
  t[12] = b'_' - 63;
  t[13] = b'A';
  t
};

#[inline]
fn load128(bytes: &[u8; 16]) -> __m128i {
  // SAFETY: 16 readable bytes; `loadu` takes any alignment (and SSE2 is baseline on x86-64).
  unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
}

#[inline]
fn store128(out: &mut [u8; 16], v: __m128i) {
  // SAFETY: 16 writable bytes, any alignment.
  unsafe { _mm_storeu_si128(out.as_mut_ptr().cast(), v) }
}

/// The first `N` bytes from `at` as an array (the bounds check is the only one of a block).
#[inline(always)]
fn at<const N: usize>(bytes: &[u8], at: usize) -> &[u8; N] {
  bytes[at..at + N].try_into().unwrap()
}

#[inline(always)]
fn at_mut<const N: usize>(bytes: &mut [u8], at: usize) -> &mut [u8; N] {
  (&mut bytes[at..at + N]).try_into().unwrap()
}

// SSSE3

/// The hex digits of 16 bytes.
#[target_feature(enable = "ssse3")]
fn hex16(bytes: &[u8; 16], out: &mut [u8; 32]) {
  let v = load128(bytes);
  let low = _mm_set1_epi8(0x0f);
  let digits = load128(&HEX_DIGITS);
  let hi = _mm_shuffle_epi8(digits, _mm_and_si128(_mm_srli_epi16(v, 4), low));
  let lo = _mm_shuffle_epi8(digits, _mm_and_si128(v, low));
  let (first, second) = out.split_at_mut(16);
  store128(first.try_into().unwrap(), _mm_unpacklo_epi8(hi, lo));
  store128(second.try_into().unwrap(), _mm_unpackhi_epi8(hi, lo));
}

#[target_feature(enable = "ssse3")]
fn hex_ssse3(bytes: &[u8], out: &mut [u8]) {
  let n = bytes.len();
  if n < 16 {
    return scalar::hex(bytes, out);
  }
  let (blocks, rest) = bytes.as_chunks::<16>();
  for (block, digits) in blocks.iter().zip(out.as_chunks_mut::<32>().0) {
    hex16(block, digits);
  }
  if !rest.is_empty() {
    hex16(at(bytes, n - 16), at_mut(out, 2 * n - 32));
  }
}

/// The four sextets of each 3-byte group in a 32-bit lane, one a byte, most significant first,
/// from lanes laid out as `GROUPS` does (Muła's multiply-shift).
#[target_feature(enable = "ssse3")]
fn sextets128(v: __m128i) -> __m128i {
  let s0s2 = _mm_mulhi_epu16(
    _mm_and_si128(v, _mm_set1_epi32(0x0fc0_fc00)),
    _mm_set1_epi32(0x0400_0040),
  );
  let s1s3 = _mm_mullo_epi16(
    _mm_and_si128(v, _mm_set1_epi32(0x003f_03f0)),
    _mm_set1_epi32(0x0100_0010),
  );
  _mm_or_si128(s0s2, s1s3)
}

/// The base64url characters of 16 sextets: each plus the offset of its class (`OFFSETS`).
#[target_feature(enable = "ssse3")]
fn chars128(x: __m128i) -> __m128i {
  let class = _mm_subs_epu8(x, _mm_set1_epi8(51));
  let capital = _mm_cmpgt_epi8(_mm_set1_epi8(26), x);
  let class = _mm_or_si128(class, _mm_and_si128(capital, _mm_set1_epi8(13)));
  _mm_add_epi8(x, _mm_shuffle_epi8(load128(&OFFSETS), class))
}

#[target_feature(enable = "ssse3")]
fn base64url_ssse3(bytes: &[u8], out: &mut [u8]) {
  if bytes.len() < 16 {
    return scalar::base64url(bytes, out);
  }
  base64url_ssse3_from(bytes, out, 0);
}

/// Encodes `bytes[start..]` (`start` a multiple of 3) to its place in `out`, 12 bytes to 16
/// characters at a time; `bytes` has at least 16.
#[target_feature(enable = "ssse3")]
fn base64url_ssse3_from(bytes: &[u8], out: &mut [u8], mut start: usize) {
  let n = bytes.len();
  let groups = load128(&GROUPS);
  while start < n {
    let text = &mut out[start / 3 * 4..];
    let chars = if start + 16 <= n {
      chars128(sextets128(_mm_shuffle_epi8(
        load128(at(bytes, start)),
        groups,
      )))
    } else {
      // Fewer than 16 bytes left: the last 16 of the input, shuffled from `start` on, with the
      // indices that fall past the end given bit 7, which makes `pshufb` write zero.
      let from = n - 16;
      let shuffle = _mm_add_epi8(groups, _mm_set1_epi8((start - from) as i8));
      let shuffle = _mm_or_si128(shuffle, _mm_cmpgt_epi8(shuffle, _mm_set1_epi8(15)));
      let v = _mm_shuffle_epi8(load128(at(bytes, from)), shuffle);
      chars128(sextets128(v))
    };
    if text.len() >= 16 {
      store128(at_mut(text, 0), chars);
    } else {
      let mut buffer = [0u8; 16];
      let mut buffer = WipedArray(&mut buffer);
      store128(&mut buffer, chars);
      copy_short(text, &buffer);
    }
    start += 12;
  }
}

/// Copies the first `dst.len()` (up to 16) bytes of `src`, in two overlapping moves of the
/// largest size that fits, rather than a call to `memcpy`.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8; 16]) {
  let n = dst.len();
  fn two<const K: usize>(dst: &mut [u8], src: &[u8; 16]) {
    let n = dst.len();
    *at_mut::<K>(dst, 0) = *at::<K>(src, 0);
    *at_mut::<K>(dst, n - K) = *at::<K>(src, n - K);
  }
  match n {
    8.. => two::<8>(dst, src),
    4.. => two::<4>(dst, src),
    2.. => two::<2>(dst, src),
    1 => dst[0] = src[0],
    _ => {}
  }
}

// AVX2

#[inline]
#[target_feature(enable = "avx")]
fn load256(bytes: &[u8; 32]) -> __m256i {
  // SAFETY: 32 readable bytes, any alignment.
  unsafe { _mm256_loadu_si256(bytes.as_ptr().cast()) }
}

#[inline]
#[target_feature(enable = "avx")]
fn store256(out: &mut [u8; 32], v: __m256i) {
  // SAFETY: 32 writable bytes, any alignment.
  unsafe { _mm256_storeu_si256(out.as_mut_ptr().cast(), v) }
}

/// A 16-byte constant in both lanes.
#[inline]
#[target_feature(enable = "avx2")]
fn both_lanes(table: &[u8; 16]) -> __m256i {
  _mm256_broadcastsi128_si256(load128(table))
}

/// The hex digits of 32 bytes.
#[target_feature(enable = "avx2")]
fn hex32(bytes: &[u8; 32], out: &mut [u8; 64]) {
  let v = load256(bytes);
  let low = _mm256_set1_epi8(0x0f);
  let digits = both_lanes(&HEX_DIGITS);
  let hi = _mm256_shuffle_epi8(digits, _mm256_and_si256(_mm256_srli_epi16(v, 4), low));
  let lo = _mm256_shuffle_epi8(digits, _mm256_and_si256(v, low));
  // Interleaving works within lanes: bytes 0-7 and 16-23, then 8-15 and 24-31.
  let (a, b) = (_mm256_unpacklo_epi8(hi, lo), _mm256_unpackhi_epi8(hi, lo));
  let (first, second) = out.split_at_mut(32);
  store256(
    first.try_into().unwrap(),
    _mm256_permute2x128_si256(a, b, 0x20),
  );
  store256(
    second.try_into().unwrap(),
    _mm256_permute2x128_si256(a, b, 0x31),
  );
}

#[target_feature(enable = "avx2")]
fn hex_avx2(bytes: &[u8], out: &mut [u8]) {
  let n = bytes.len();
  if n < 32 {
    return hex_ssse3(bytes, out);
  }
  let (blocks, rest) = bytes.as_chunks::<32>();
  for (block, digits) in blocks.iter().zip(out.as_chunks_mut::<64>().0) {
    hex32(block, digits);
  }
  if !rest.is_empty() {
    hex32(at(bytes, n - 32), at_mut(out, 2 * n - 64));
  }
}

/// The characters of bytes 0 to 23 of 28: bytes 0-11 in the low lane, 12-23 in the high one.
#[target_feature(enable = "avx2")]
fn base64url24(bytes: &[u8; 28], out: &mut [u8; 32]) {
  let v = _mm256_set_m128i(load128(at(bytes, 12)), load128(at(bytes, 0)));
  let v = _mm256_shuffle_epi8(v, both_lanes(&GROUPS));
  let s0s2 = _mm256_mulhi_epu16(
    _mm256_and_si256(v, _mm256_set1_epi32(0x0fc0_fc00)),
    _mm256_set1_epi32(0x0400_0040),
  );
  let s1s3 = _mm256_mullo_epi16(
    _mm256_and_si256(v, _mm256_set1_epi32(0x003f_03f0)),
    _mm256_set1_epi32(0x0100_0010),
  );
  let x = _mm256_or_si256(s0s2, s1s3);
  let class = _mm256_subs_epu8(x, _mm256_set1_epi8(51));
  let capital = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), x);
  let class = _mm256_or_si256(class, _mm256_and_si256(capital, _mm256_set1_epi8(13)));
  let chars = _mm256_add_epi8(x, _mm256_shuffle_epi8(both_lanes(&OFFSETS), class));
  store256(out, chars);
}

#[target_feature(enable = "avx2")]
fn base64url_avx2(bytes: &[u8], out: &mut [u8]) {
  if bytes.len() < 16 {
    return scalar::base64url(bytes, out);
  }
  let mut pos = 0;
  while pos + 28 <= bytes.len() {
    base64url24(at(bytes, pos), at_mut(out, pos / 3 * 4));
    pos += 24;
  }
  // Fewer than 28 bytes left (8 of a 32-byte token): the SSSE3 blocks.
  base64url_ssse3_from(bytes, out, pos);
}

// AVX-512 VBMI

/// Bits 0 to `n - 1` set, for `n` up to 64: the mask of a block's first `n` bytes.
#[inline(always)]
fn first(n: usize) -> u64 {
  if n >= 64 {
    u64::MAX
  } else {
    (1 << n) - 1
  }
}

#[inline]
#[target_feature(enable = "avx512f")]
fn load512(table: &[u8; 64]) -> __m512i {
  // SAFETY: 64 readable bytes, any alignment.
  unsafe { _mm512_loadu_si512(table.as_ptr().cast()) }
}

/// Up to 64 bytes in a register, zeros after them.
#[inline]
#[target_feature(enable = "avx512f,avx512bw")]
fn load_masked(bytes: &[u8]) -> __m512i {
  assert!(bytes.len() <= 64);
  // SAFETY: only the bytes the mask selects, the slice's, are read: masked-off bytes are not
  // accessed and cannot fault.
  unsafe { _mm512_maskz_loadu_epi8(first(bytes.len()), bytes.as_ptr().cast()) }
}

/// The first `out.len()` (up to 64) bytes of `v` to `out`.
#[inline]
#[target_feature(enable = "avx512f,avx512bw")]
fn store_masked(out: &mut [u8], v: __m512i) {
  assert!(out.len() <= 64);
  // SAFETY: only the bytes the mask selects, the slice's, are written.
  unsafe { _mm512_mask_storeu_epi8(out.as_mut_ptr().cast(), first(out.len()), v) }
}

const BASE64URL: [u8; 64] = *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// For each 32-bit lane `g`, the bytes of group `g` as `[b1, b0, b2, b1]`.
const GROUPS16: [u8; 64] = {
  let mut t = [0u8; 64];
  let mut g = 0;
  while g < 16 {
    let b = 3 * g as u8;
    t[4 * g] = b + 1;
    t[4 * g + 1] = b;
    t[4 * g + 2] = b + 2;
    t[4 * g + 3] = b + 1;
    g += 1;
  }
  t
};

/// `vpmultishiftqb`'s bit offsets for the 4 sextets of each of the two groups in a 64-bit lane
/// laid out by `GROUPS16`, most significant first.
const SEXTETS: i64 = i64::from_le_bytes([10, 4, 22, 16, 42, 36, 54, 48]);

#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
fn base64url_avx512vbmi(bytes: &[u8], out: &mut [u8]) {
  let alphabet = load512(&BASE64URL);
  let groups = load512(&GROUPS16);
  let sextets = _mm512_set1_epi64(SEXTETS);
  for (i, block) in bytes.chunks(48).enumerate() {
    let v = _mm512_permutexvar_epi8(groups, load_masked(block));
    let v = _mm512_multishift_epi64_epi8(sextets, v);
    // The text of a block ends where its bytes' does: 64 characters, or fewer for the last.
    let start = 64 * i;
    let end = start + base64url_len(block.len()).unwrap_or(0);
    store_masked(&mut out[start..end], _mm512_permutexvar_epi8(v, alphabet));
  }
}
