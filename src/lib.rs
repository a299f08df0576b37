#![deny(clippy::all)]

//! The native half of napi-secrets. The JavaScript facade validates every argument with Node's
//! error codes; these functions do the work and fail only when the OS random source does.

mod below;
mod compare;
mod encode;
mod source;

use napi::bindgen_prelude::{BigInt, Latin1String, Uint8ArraySlice, Utf16String};
use napi::{Error, Result, Status};
use napi_derive::napi;

use source::{with_pool, Source};

fn os_error(e: source::Error) -> Error {
  Error::new(
    Status::GenericFailure,
    format!("the OS random source failed: {e}"),
  )
}

fn random_bytes(n: usize) -> Result<Vec<u8>> {
  let mut bytes = vec![0u8; n];
  with_pool(|pool| pool.fill(&mut bytes)).map_err(os_error)?;
  Ok(bytes)
}

fn latin1(text: Vec<u8>) -> Latin1String {
  // Encoders emit ASCII only, which is valid UTF-8.
  Latin1String::from(String::from_utf8(text).unwrap_or_default())
}

/// Fills `view` with random bytes.
#[napi]
pub fn fill_random(mut view: Uint8ArraySlice) -> Result<()> {
  // SAFETY: JavaScript on this thread is paused for the call, and the slice does not outlive it.
  let bytes = unsafe { view.as_mut() };
  with_pool(|pool| pool.fill(bytes)).map_err(os_error)
}

/// `nbytes` random bytes as lowercase hex.
#[napi]
pub fn token_hex(nbytes: u32) -> Result<Latin1String> {
  let mut bytes = random_bytes(nbytes as usize)?;
  let text = encode::hex(&bytes);
  source::wipe(&mut bytes);
  Ok(latin1(text))
}

/// `nbytes` random bytes as unpadded base64url.
#[napi]
pub fn token_urlsafe(nbytes: u32) -> Result<Latin1String> {
  let mut bytes = random_bytes(nbytes as usize)?;
  let text = encode::base64url(&bytes);
  source::wipe(&mut bytes);
  Ok(latin1(text))
}

/// Uniform integer in `[0, n)` for a safe integer `n >= 1`.
#[napi]
pub fn randbelow(n: f64) -> Result<f64> {
  let n = (n as u64).max(1);
  let r = with_pool(|pool| below::below_u64(pool, n)).map_err(os_error)?;
  Ok(r as f64)
}

/// Uniform bigint in `[0, n)` for a bigint `n >= 1n`.
#[napi]
pub fn randbelow_big(n: BigInt) -> Result<BigInt> {
  let words = if below::bit_length(&n.words) == 0 {
    vec![1]
  } else {
    n.words
  };
  let words = with_pool(|pool| below::below_words(pool, &words)).map_err(os_error)?;
  Ok(BigInt {
    sign_bit: false,
    words,
  })
}

/// Uniform bigint in `[0, 2**k)`.
#[napi]
pub fn randbits(k: u32) -> Result<BigInt> {
  let words = with_pool(|pool| below::bits_words(pool, k as usize)).map_err(os_error)?;
  Ok(BigInt {
    sign_bit: false,
    words,
  })
}

/// Constant-time equality of two byte strings.
#[napi]
pub fn compare_bytes(a: &[u8], b: &[u8]) -> bool {
  compare::equal(a, b)
}

/// Constant-time equality of two strings, by UTF-16 code units.
#[napi]
pub fn compare_strings(a: Utf16String, b: Utf16String) -> bool {
  compare::equal(&a, &b)
}
