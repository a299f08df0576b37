#![deny(clippy::all)]

//! The native half of napi-secrets. The JavaScript facade validates every argument with Node's
//! error codes; these functions do the work and fail only when the OS random source, memory or
//! N-API itself does.

mod below;
mod compare;
mod encode;
mod error;
mod keystream;
#[cfg(test)]
mod properties;
mod raw;
mod secret;
mod source;
// Public only because the registration of `#[napi]` items is compiled out of test builds.
pub mod tasks;

use napi::bindgen_prelude::Object;
use napi::{Env, JsValue, Result};
use napi_derive::napi;

/// Adds the hand-written callbacks of `raw` to the module's exports.
#[napi(module_exports)]
pub fn register_raw(exports: Object, env: Env) -> Result<()> {
  raw::register(env.raw(), exports.raw())
}
