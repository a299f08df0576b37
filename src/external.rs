//! Latin1 strings whose characters stay in memory this module owns, so that they are wiped.
//!
//! `napi_create_string_latin1` copies text into V8's heap, where it can never be wiped, and a
//! batch's run of 256 KiB lands on fresh large-object pages each time: on the benchmark machine
//! that copy cost a batch more than encoding its tokens. An external string
//! (`node_api_create_external_string_latin1`, Node-API 10) keeps the text where Rust's allocator
//! put it, on warm pages it reuses, and V8 hands it back to `release`, which wipes and frees it,
//! once the string and every slice of it are collected.

use std::ffi::CStr;
use std::os::raw::c_void;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

use napi::sys;

use crate::secret::SecretVec;

/// Texts shorter than this are copied: an external string costs two allocations, a finaliser and
/// V8's bookkeeping, which only a large text's copy outweighs. Measured on the benchmark machine
/// with batches of 32-byte hex tokens, per token, results kept: from 64 KiB an external string
/// took 0.24-0.42 of a copy's time under Node.js 20, 22 and 26 (1.0 under 24, whose copies stay
/// cheap up to V8's 128 KiB limit for regular objects, and 0.4 past it); at 16 KiB and below it
/// took up to 1.25 times a copy's; between, the winner depends on the version.
pub const MIN_CHARS: usize = 1 << 16;

/// Whether this runtime's external strings are known to be given back: set once, at load.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Decides, as the addon loads, whether to make external strings: on Node.js from 20.4, which
/// added the function (earlier ones lack the symbol, and napi-sys's stand-in for a missing symbol
/// prints to stderr). Not on Bun or Deno, whose finalisers for them never ran here: 3,000 batches
/// held 1.9 GB, through forced collections, against 72 and 229 MiB with copies.
pub fn detect(env: sys::napi_env) {
  let mut version = ptr::null();
  // SAFETY: `env` is the loading module's environment; Node.js owns the struct it points `version`
  // to for the process's lifetime. A failure leaves it null, and copies.
  let since = unsafe {
    sys::napi_get_node_version(env, &mut version) == sys::Status::napi_ok
      && !version.is_null()
      && ((*version).major, (*version).minor) >= (20, 4)
  };
  ENABLED.store(
    since && !in_versions(env, c"bun") && !in_versions(env, c"deno"),
    Ordering::Relaxed,
  );
}

/// Whether `process.versions` has `key` (Bun and Deno name themselves there); true where it cannot
/// be read, as that is no Node.js.
fn in_versions(env: sys::napi_env, key: &CStr) -> bool {
  let mut value = ptr::null_mut();
  let mut found = false;
  // SAFETY: each call gets the environment, a value the previous one made, and a NUL-terminated
  // name; `&&` stops at the first failure.
  let read = unsafe {
    sys::napi_get_global(env, &mut value) == sys::Status::napi_ok
      && sys::napi_get_named_property(env, value, c"process".as_ptr(), &mut value)
        == sys::Status::napi_ok
      && sys::napi_get_named_property(env, value, c"versions".as_ptr(), &mut value)
        == sys::Status::napi_ok
      && sys::napi_has_named_property(env, value, key.as_ptr(), &mut found) == sys::Status::napi_ok
  };
  !read || found
}

/// `text` as a JavaScript string: external where the runtime supports it, else a copy, after
/// which `text` is wiped as it drops.
pub fn latin1(
  env: sys::napi_env,
  text: SecretVec<u8>,
) -> Result<sys::napi_value, sys::napi_status> {
  if text.len() < MIN_CHARS || !ENABLED.load(Ordering::Relaxed) {
    return copy(env, &text);
  }
  let (data, len) = (text.as_ptr(), text.len());
  // V8 does not schedule its collections by an external string's characters, so without this it
  // collects batches late (measured: the process held 515 MiB more after 2,000 dropped runs of
  // 256 KiB, against about 100 with it). `release` takes it back.
  adjust(env, len as i64);
  // Boxed so the finaliser gets the Vec back with its true capacity; moving the Vec into the box
  // leaves its heap memory, which `data` points to, where it is.
  let owner = Box::into_raw(Box::new(text));
  let (mut value, mut copied) = (ptr::null_mut(), false);
  // SAFETY: `data` is valid for `len` bytes until `release` runs with `owner`, which only the
  // runtime calls from here on, except on the status below.
  let status = unsafe {
    sys::node_api_create_external_string_latin1(
      env,
      data.cast(),
      len as isize,
      Some(release),
      owner.cast(),
      &mut value,
      &mut copied,
    )
  };
  if status == sys::Status::napi_invalid_arg {
    // Node.js refuses its arguments before it makes the finaliser, so the text is still ours. Any
    // other failure comes after: the runtime has the finaliser, which it has run or will run, and
    // taking the text back could free it twice.
    // SAFETY: as above, nothing but `owner` refers to the box.
    let text = unsafe { Box::from_raw(owner) };
    adjust(env, -(len as i64));
    return copy(env, &text);
  }
  // Where `copied` is set (under V8's sandbox, in Electron), Node.js has already run `release`.
  if status == sys::Status::napi_ok {
    Ok(value)
  } else {
    Err(status)
  }
}

fn copy(env: sys::napi_env, text: &[u8]) -> Result<sys::napi_value, sys::napi_status> {
  let mut value = ptr::null_mut();
  // SAFETY: `text` is valid for its length, and N-API copies it before returning.
  let status = unsafe {
    sys::napi_create_string_latin1(env, text.as_ptr().cast(), text.len() as isize, &mut value)
  };
  if status == sys::Status::napi_ok {
    Ok(value)
  } else {
    Err(status)
  }
}

fn adjust(env: sys::napi_env, change: i64) {
  let mut total = 0;
  // SAFETY: `env` is a live environment. A failure only leaves V8's estimate as it was.
  unsafe { sys::napi_adjust_external_memory(env, change, &mut total) };
}

/// Wipes and frees an external string's text once V8 no longer needs it.
unsafe extern "C" fn release(env: sys::node_api_basic_env, _data: *mut c_void, owner: *mut c_void) {
  // SAFETY: `owner` came from `Box::into_raw` in `latin1`, and the runtime calls this once.
  let text = unsafe { Box::from_raw(owner.cast::<SecretVec<u8>>()) };
  // Node.js passes no environment once it is torn down; there is no estimate left to correct.
  if !env.is_null() {
    adjust(env.cast(), -(text.len() as i64));
  }
}
