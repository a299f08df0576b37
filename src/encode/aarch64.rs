//! The aarch64 encoders, on NEON, which every aarch64 CPU has:
//!
//! - hex: 16 bytes to 32 digits, each nibble looked up with `tbl` in a 16-byte table held in a
//!   register, the digits interleaved by the store (`st2`);
//! - base64url: 48 bytes to 64 characters, the load splitting each group's three bytes into three
//!   registers (`ld3`), shifts making the four sextets, `tbl` with four registers (the 64-byte
//!   alphabet) turning them into characters and the store interleaving them (`st4`).
//!
//! A tail shorter than a block is encoded from a padded copy (`padded`).

use core::arch::aarch64::*;

use super::Encoders;
use crate::secret::WipedArray;

pub const NEON: Encoders = Encoders {
  hex: hex_neon,
  base64url: base64url_neon,
};

const HEX_DIGITS: [u8; 16] = *b"0123456789abcdef";
const BASE64URL: [u8; 64] = *b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The hex digits of 16 bytes.
#[inline]
fn hex16(bytes: &[u8; 16], out: &mut [u8; 32]) {
  // SAFETY: NEON is baseline on aarch64; the loads read 16 bytes of `bytes` and of the table,
  // the store writes the 32 of `out`.
  unsafe {
    let digits = vld1q_u8(HEX_DIGITS.as_ptr());
    let v = vld1q_u8(bytes.as_ptr());
    let hi = vqtbl1q_u8(digits, vshrq_n_u8::<4>(v));
    let lo = vqtbl1q_u8(digits, vandq_u8(v, vdupq_n_u8(0x0f)));
    vst2q_u8(out.as_mut_ptr(), uint8x16x2_t(hi, lo));
  }
}

fn hex_neon(bytes: &[u8], out: &mut [u8]) {
  let (blocks, rest) = bytes.as_chunks::<16>();
  let (text, tail) = out.split_at_mut(32 * blocks.len());
  for (block, digits) in blocks.iter().zip(text.as_chunks_mut::<32>().0) {
    hex16(block, digits);
  }
  if !rest.is_empty() {
    padded(rest, tail, hex16);
  }
}

/// The characters of 48 bytes.
#[inline]
fn base64url48(bytes: &[u8; 48], out: &mut [u8; 64]) {
  // SAFETY: NEON is baseline on aarch64; the loads read the 48 bytes of `bytes` and the 64 of
  // the alphabet, the store writes the 64 of `out`.
  unsafe {
    let alphabet = vld1q_u8_x4(BASE64URL.as_ptr());
    let uint8x16x3_t(a, b, c) = vld3q_u8(bytes.as_ptr());
    let low6 = vdupq_n_u8(63);
    let s0 = vshrq_n_u8::<2>(a);
    let s1 = vandq_u8(vorrq_u8(vshlq_n_u8::<4>(a), vshrq_n_u8::<4>(b)), low6);
    let s2 = vandq_u8(vorrq_u8(vshlq_n_u8::<2>(b), vshrq_n_u8::<6>(c)), low6);
    let s3 = vandq_u8(c, low6);
    let chars = uint8x16x4_t(
      vqtbl4q_u8(alphabet, s0),
      vqtbl4q_u8(alphabet, s1),
      vqtbl4q_u8(alphabet, s2),
      vqtbl4q_u8(alphabet, s3),
    );
    vst4q_u8(out.as_mut_ptr(), chars);
  }
}

fn base64url_neon(bytes: &[u8], out: &mut [u8]) {
  let (blocks, rest) = bytes.as_chunks::<48>();
  let (text, tail) = out.split_at_mut(64 * blocks.len());
  for (block, chars) in blocks.iter().zip(text.as_chunks_mut::<64>().0) {
    base64url48(block, chars);
  }
  if !rest.is_empty() {
    padded(rest, tail, base64url48);
  }
}

/// Encodes `rest`, shorter than a block, with the block all the same: from a zero-padded copy,
/// through `encode`, to a padded text whose first `out.len()` characters are `rest`'s (zeros
/// after the last byte leave its digits as they are). Both copies are wiped. (Not measured on
/// arm64 hardware: on x86-64 the same copy cost 20 to 30 ns, as wide loads could not be forwarded
/// from the narrow stores that had just written it; see `x86`.)
fn padded<const IN: usize, const OUT: usize>(
  rest: &[u8],
  out: &mut [u8],
  encode: impl FnOnce(&[u8; IN], &mut [u8; OUT]),
) {
  let (mut bytes, mut text) = ([0u8; IN], [0u8; OUT]);
  let (mut bytes, mut text) = (WipedArray(&mut bytes), WipedArray(&mut text));
  bytes[..rest.len()].copy_from_slice(rest);
  encode(&bytes, &mut text);
  out.copy_from_slice(&text[..out.len()]);
}
