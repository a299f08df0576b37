#![deny(clippy::all)]

//! The floor napi-secrets is measured against: the cheapest N-API call that returns a fresh
//! 64-character string, written as a plain N-API callback (as napi-secrets writes its hot paths).

use std::ptr;

use napi::bindgen_prelude::Object;
use napi::{sys, Env, JsValue, Result};
use napi_derive::napi;

const FIXED: &[u8; 64] = b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// A call that returns a fixed 64-character latin1 string: the floor for `tokenHex(32)`.
unsafe extern "C" fn fixed64(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
  let mut argc = 1;
  let mut argv = [ptr::null_mut(); 1];
  let mut result = ptr::null_mut();
  unsafe {
    sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut());
    sys::napi_create_string_latin1(env, FIXED.as_ptr().cast(), 64, &mut result);
  }
  result
}

#[napi(module_exports)]
pub fn register(exports: Object, env: Env) -> Result<()> {
  type Callback = unsafe extern "C" fn(sys::napi_env, sys::napi_callback_info) -> sys::napi_value;
  let callbacks: [(&[u8], Callback); 1] = [(b"fixed64\0", fixed64)];
  for (name, callback) in callbacks {
    let mut function = ptr::null_mut();
    unsafe {
      sys::napi_create_function(env.raw(), ptr::null(), 0, Some(callback), ptr::null_mut(), &mut function);
      sys::napi_set_named_property(env.raw(), exports.raw(), name.as_ptr().cast(), function);
    }
  }
  Ok(())
}
