#![deny(clippy::all)]

//! The native half of napi-secrets. The JavaScript facade validates every argument with Node's
//! error codes; these functions do the work and fail only when the OS random source does.

mod below;
mod compare;
mod encode;
mod raw;
mod source;
pub mod tasks;

use std::ffi::CString;
use std::ptr;

use napi::bindgen_prelude::Object;
use napi::{sys, Env, Error, JsValue, Result, Status};
use napi_derive::napi;

fn napi_ok(status: sys::napi_status, what: &str) -> Result<()> {
  if status == sys::Status::napi_ok {
    Ok(())
  } else {
    Err(Error::new(Status::GenericFailure, format!("{what} failed")))
  }
}

/// Adds the hand-written callbacks of `raw` to the module's exports.
#[napi(module_exports)]
pub fn register_raw(exports: Object, env: Env) -> Result<()> {
  for (name, callback) in raw::EXPORTS {
    let name = CString::new(name).map_err(|e| Error::new(Status::InvalidArg, e.to_string()))?;
    let mut function = ptr::null_mut();
    napi_ok(
      unsafe {
        sys::napi_create_function(
          env.raw(),
          name.as_ptr(),
          name.as_bytes().len() as isize,
          Some(callback),
          ptr::null_mut(),
          &mut function,
        )
      },
      "napi_create_function",
    )?;
    napi_ok(
      unsafe { sys::napi_set_named_property(env.raw(), exports.raw(), name.as_ptr(), function) },
      "napi_set_named_property",
    )?;
  }
  Ok(())
}
