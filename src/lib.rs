#![deny(clippy::all)]

//! The native half of napi-secrets. The JavaScript facade validates every argument with Node's
//! error codes; these functions do the work and fail only when the OS random source, memory or
//! N-API itself does.

mod below;
mod compare;
mod encode;
mod error;
mod external;
mod keystream;
#[cfg(test)]
mod properties;
mod raw;
mod secret;
mod source;
mod tasks;

use napi::bindgen_prelude::Object;
use napi::{Env, JsValue, Result, Unknown};
use napi_derive::napi;

/// Adds the hand-written callbacks of `raw` to the module's exports.
#[napi(module_exports)]
pub fn register_raw(exports: Object, env: Env) -> Result<()> {
  raw::register(env.raw(), exports.raw())
}

/// A Promise of a Buffer of `nbytes` random bytes, made on libuv's thread pool; a bad size
/// rejects it.
// Declared through napi-rs, whose generated loader and types name only what it registers; `raw`
// reads the argument and reports failures as it does for every other entry.
#[napi(ts_args_type = "nbytes: number", ts_return_type = "Promise<Buffer>")]
pub fn random_bytes_async<'a>(env: Env, nbytes: Unknown<'a>) -> Unknown<'a> {
  let promise = raw::random_bytes_async(env.raw(), nbytes.raw());
  // SAFETY: `promise` was made in `env` during this call; null (with an exception pending, which
  // then propagates) is what N-API callbacks return on failure.
  unsafe { Unknown::from_raw_unchecked(env.raw(), promise) }
}
