//! Hand-written N-API callbacks for the calls that must be cheap.
//!
//! On the benchmark machine (see the README), napi-rs's `#[napi]` glue costs about 70 ns a call
//! once a function takes an argument (native-borrow scopes and checked conversions): more than
//! the work of a 32-byte token. A callback that reads its arguments with plain N-API calls costs
//! about 25 ns in all. The facade has validated every argument before it calls these, so they
//! only convert; they fail only when N-API, memory or the OS random source does, and never
//! unwind into V8.

use std::ffi::CString;
use std::os::raw::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use napi::sys;

use crate::below;
use crate::compare;
use crate::encode;
use crate::source::{self, wipe, with_pool};

pub type Callback = unsafe extern "C" fn(sys::napi_env, sys::napi_callback_info) -> sys::napi_value;

/// An `extern "C"` N-API callback that runs `body` (a `fn(&mut Call) -> Outcome`) through `run`.
macro_rules! callback {
  ($body:path) => {{
    unsafe extern "C" fn callback(
      env: sys::napi_env,
      info: sys::napi_callback_info,
    ) -> sys::napi_value {
      run(env, info, $body)
    }
    callback as Callback
  }};
}

/// The callbacks, by the names `binding.js` exports them under.
pub const EXPORTS: [(&str, Callback); 9] = [
  ("fillRandom", callback!(fill_random)),
  ("tokenHex", callback!(token_hex)),
  ("tokenUrlsafe", callback!(token_urlsafe)),
  ("tokenHexBatch", callback!(token_hex_batch)),
  ("tokenUrlsafeBatch", callback!(token_urlsafe_batch)),
  ("randbits", callback!(randbits)),
  ("randbelowBig", callback!(randbelow_big)),
  ("compareBytes", callback!(compare_bytes)),
  ("compareStrings", callback!(compare_strings)),
];

/// Adds the callbacks of `EXPORTS` to the module's `exports`.
pub fn register(env: sys::napi_env, exports: sys::napi_value) -> napi::Result<()> {
  let add = || -> Result<(), Failure> {
    for (name, callback) in EXPORTS {
      // The names are literals with no NUL byte in them.
      let name = CString::new(name).unwrap_or_default();
      let mut function = ptr::null_mut();
      check(unsafe {
        sys::napi_create_function(
          env,
          name.as_ptr(),
          name.as_bytes().len() as isize,
          Some(callback),
          ptr::null_mut(),
          &mut function,
        )
      })?;
      check(unsafe { sys::napi_set_named_property(env, exports, name.as_ptr(), function) })?;
    }
    Ok(())
  };
  add().map_err(|_| {
    napi::Error::new(
      napi::Status::GenericFailure,
      "napi-secrets could not register its native functions",
    )
  })
}

enum Failure {
  Napi(sys::napi_status),
  Os(source::Error),
  /// Memory for this many bytes could not be had (an allocation that aborts would end the process).
  Memory(usize),
}

type Outcome = Result<sys::napi_value, Failure>;

fn check(status: sys::napi_status) -> Result<(), Failure> {
  if status == sys::Status::napi_ok {
    Ok(())
  } else {
    Err(Failure::Napi(status))
  }
}

/// One call's environment and (up to two) arguments.
struct Call {
  env: sys::napi_env,
  args: [sys::napi_value; 2],
}

impl Call {
  fn u32(&self, i: usize) -> Result<u32, Failure> {
    let mut n = 0;
    check(unsafe { sys::napi_get_value_uint32(self.env, self.args[i], &mut n) })?;
    Ok(n)
  }

  /// The bytes of argument `i`, a Uint8Array.
  fn bytes(&self, i: usize) -> Result<&[u8], Failure> {
    self.view(i).map(|(data, len)| {
      // SAFETY: as in `bytes_mut`, for reading.
      unsafe { std::slice::from_raw_parts(data, len) }
    })
  }

  /// The bytes of argument `i`, a Uint8Array, to write.
  fn bytes_mut(&mut self, i: usize) -> Result<&mut [u8], Failure> {
    self.view(i).map(|(data, len)| {
      // SAFETY: V8 owns `len` bytes at `data` for as long as the view is reachable, which is at
      // least this call, and JavaScript on this thread is paused until the callback returns.
      // Over a SharedArrayBuffer another thread may touch the bytes meanwhile, as it may under
      // any native code; the slice only ever writes random bytes there or reads them once, so
      // such a race can change a result but never reach memory outside the view.
      unsafe { std::slice::from_raw_parts_mut(data, len) }
    })
  }

  /// Where the bytes of Uint8Array argument `i` are, and how many; dangling but aligned if none.
  fn view(&self, i: usize) -> Result<(*mut u8, usize), Failure> {
    // napi_get_buffer_info takes any ArrayBufferView and, unlike napi_get_typedarray_info, does
    // not work out the element type by testing each kind in turn (a third of a compare's time).
    let (mut data, mut len) = (ptr::null_mut::<c_void>(), 0);
    check(unsafe { sys::napi_get_buffer_info(self.env, self.args[i], &mut data, &mut len) })?;
    if len == 0 || data.is_null() {
      return Ok((ptr::NonNull::dangling().as_ptr(), 0));
    }
    Ok((data.cast::<u8>(), len))
  }

  /// Copies string argument `i` into `out` (its length plus one for N-API's terminator) and
  /// returns the number of UTF-16 code units.
  fn utf16(&self, i: usize, out: &mut [u16]) -> Result<usize, Failure> {
    let mut len = 0;
    let buf = if out.is_empty() {
      ptr::null_mut()
    } else {
      out.as_mut_ptr()
    };
    check(unsafe {
      sys::napi_get_value_string_utf16(self.env, self.args[i], buf, out.len(), &mut len)
    })?;
    Ok(len)
  }

  /// The number of 64-bit words in bigint argument `i` (N-API counts when both outputs are null).
  fn bigint_len(&self, i: usize) -> Result<usize, Failure> {
    let mut count = 0;
    check(unsafe {
      sys::napi_get_value_bigint_words(
        self.env,
        self.args[i],
        ptr::null_mut(),
        &mut count,
        ptr::null_mut(),
      )
    })?;
    Ok(count)
  }

  /// The magnitude of bigint argument `i` as little-endian words.
  fn bigint_words(&self, i: usize, out: &mut [u64]) -> Result<(), Failure> {
    let (mut sign, mut count) = (0, out.len());
    check(unsafe {
      sys::napi_get_value_bigint_words(
        self.env,
        self.args[i],
        &mut sign,
        &mut count,
        out.as_mut_ptr(),
      )
    })
  }

  fn latin1(&self, text: &[u8]) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe {
      sys::napi_create_string_latin1(
        self.env,
        text.as_ptr().cast(),
        text.len() as isize,
        &mut value,
      )
    })?;
    Ok(value)
  }

  fn bigint(&self, words: &[u64]) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe {
      sys::napi_create_bigint_words(self.env, 0, words.len(), words.as_ptr(), &mut value)
    })?;
    Ok(value)
  }

  fn boolean(&self, b: bool) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe { sys::napi_get_boolean(self.env, b, &mut value) })?;
    Ok(value)
  }

  fn undefined(&self) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe { sys::napi_get_undefined(self.env, &mut value) })?;
    Ok(value)
  }
}

/// Runs `body` for one call; a failure or a panic becomes a thrown JavaScript `Error`.
fn run(
  env: sys::napi_env,
  info: sys::napi_callback_info,
  body: impl FnOnce(&mut Call) -> Outcome,
) -> sys::napi_value {
  let outcome = catch_unwind(AssertUnwindSafe(|| {
    let mut call = Call {
      env,
      args: [ptr::null_mut(); 2],
    };
    let mut argc = call.args.len();
    check(unsafe {
      sys::napi_get_cb_info(
        env,
        info,
        &mut argc,
        call.args.as_mut_ptr(),
        ptr::null_mut(),
        ptr::null_mut(),
      )
    })?;
    body(&mut call)
  }));
  let message = match outcome {
    Ok(Ok(value)) => return value,
    Ok(Err(Failure::Os(e))) => format!("the OS random source failed: {e}"),
    Ok(Err(Failure::Napi(status))) => format!("an N-API call failed with status {status}"),
    Ok(Err(Failure::Memory(bytes))) => {
      format!("out of memory: {bytes} bytes could not be allocated")
    }
    Err(_) => "napi-secrets: internal error".to_owned(),
  };
  let message = CString::new(message).unwrap_or_default();
  unsafe { sys::napi_throw_error(env, ptr::null(), message.as_ptr()) };
  ptr::null_mut()
}

/// Runs `f` on a zeroed buffer of `len` elements: on the stack when it fits in `N`, so a token
/// costs no allocation, else on the heap.
fn with_buffer<T: Copy + Default, const N: usize, R>(
  len: usize,
  f: impl FnOnce(&mut [T]) -> Result<R, Failure>,
) -> Result<R, Failure> {
  if len <= N {
    f(&mut [T::default(); N][..len])
  } else {
    f(&mut zeroed(len)?)
  }
}

/// A Vec of `len` zeroes, or `Failure::Memory` where `vec!` would abort the process.
fn zeroed<T: Copy + Default>(len: usize) -> Result<Vec<T>, Failure> {
  let mut v = Vec::new();
  let bytes = len.saturating_mul(std::mem::size_of::<T>());
  v.try_reserve_exact(len)
    .map_err(|_| Failure::Memory(bytes))?;
  v.resize(len, T::default());
  Ok(v)
}

/// The bytes of UTF-16 code units, to compare them as bytes: equal units iff equal bytes.
fn units_as_bytes(units: &[u16]) -> &[u8] {
  // SAFETY: a `u16` slice is valid as `u8`s of twice the length (any bit pattern, no alignment).
  unsafe { std::slice::from_raw_parts(units.as_ptr().cast::<u8>(), 2 * units.len()) }
}

fn os(e: source::Error) -> Failure {
  Failure::Os(e)
}

/// A text encoding of random bytes: its length for `n` bytes, and the encoder.
type Encoding = (fn(usize) -> usize, fn(&[u8], &mut [u8]));

const HEX: Encoding = (encode::hex_len, encode::hex);
const BASE64URL: Encoding = (encode::base64url_len, encode::base64url);

/// One latin1 string of `count` tokens back to back, each `nbytes` random bytes encoded by
/// `encoding`; made from the pool's bytes in place. The text is wiped once V8 has its copy.
fn tokens(call: &Call, count: usize, nbytes: usize, (len, encode): Encoding) -> Outcome {
  let len = len(nbytes);
  if count == 1 && nbytes >= source::PARALLEL_BYTES {
    return large_token(call, nbytes, len, encode);
  }
  let total = count.checked_mul(len).ok_or(Failure::Memory(usize::MAX))?;
  with_buffer::<u8, 128, _>(total, |text| {
    let made = with_pool(|pool| {
      text
        .chunks_mut(len.max(1))
        .try_for_each(|token| pool.take(nbytes, |bytes| encode(bytes, token)))
    });
    let value = made.map_err(os).and_then(|()| call.latin1(text));
    wipe(text);
    value
  })
}

/// One token of a megabyte or more: its bytes come from `source::fill`, which spreads the work
/// over the cores.
fn large_token(call: &Call, nbytes: usize, len: usize, encode: fn(&[u8], &mut [u8])) -> Outcome {
  let mut bytes = zeroed(nbytes)?;
  let mut text = zeroed(len)?;
  let made = source::fill(&mut bytes).map_err(os);
  encode(&bytes, &mut text);
  wipe(&mut bytes);
  let value = made.and_then(|()| call.latin1(&text));
  wipe(&mut text);
  value
}

fn fill_random(call: &mut Call) -> Outcome {
  source::fill(call.bytes_mut(0)?).map_err(os)?;
  call.undefined()
}

fn token_hex(call: &mut Call) -> Outcome {
  tokens(call, 1, call.u32(0)? as usize, HEX)
}

fn token_urlsafe(call: &mut Call) -> Outcome {
  tokens(call, 1, call.u32(0)? as usize, BASE64URL)
}

fn token_hex_batch(call: &mut Call) -> Outcome {
  tokens(call, call.u32(0)? as usize, call.u32(1)? as usize, HEX)
}

fn token_urlsafe_batch(call: &mut Call) -> Outcome {
  tokens(
    call,
    call.u32(0)? as usize,
    call.u32(1)? as usize,
    BASE64URL,
  )
}

fn randbits(call: &mut Call) -> Outcome {
  let bits = call.u32(0)? as usize;
  with_buffer::<u64, 16, _>(below::words_for(bits), |out| {
    with_pool(|pool| below::random_bits(pool, bits, out)).map_err(os)?;
    let value = call.bigint(out);
    wipe(out);
    value
  })
}

fn randbelow_big(call: &mut Call) -> Outcome {
  with_buffer::<u64, 16, _>(call.bigint_len(0)?, |max| {
    call.bigint_words(0, max)?;
    below::decrement(max);
    with_buffer::<u64, 16, _>(below::words_for(below::bit_length(max)), |out| {
      with_pool(|pool| below::at_most(pool, max, out)).map_err(os)?;
      let value = call.bigint(out);
      wipe(out);
      value
    })
  })
}

fn compare_bytes(call: &mut Call) -> Outcome {
  let equal = compare::equal(call.bytes(0)?, call.bytes(1)?);
  call.boolean(equal)
}

fn compare_strings(call: &mut Call) -> Outcome {
  // Copies of both strings, wiped after: their lengths, not their contents, set the work. A
  // short string is copied in one N-API call into a stack buffer with room to spare, so a full
  // buffer means "longer than that": then the lengths are asked for first.
  with_buffer::<u16, SHORT_STRING, _>(SHORT_STRING, |a| {
    with_buffer::<u16, SHORT_STRING, _>(SHORT_STRING, |b| {
      let (la, lb) = (call.utf16(0, a)?, call.utf16(1, b)?);
      let equal = if la.max(lb) + 1 < SHORT_STRING {
        la == lb && compare::equal(units_as_bytes(&a[..la]), units_as_bytes(&b[..lb]))
      } else {
        long_strings_equal(call)?
      };
      wipe(a);
      wipe(b);
      call.boolean(equal)
    })
  })
}

/// Code units a string may have to be compared without an allocation, plus two: one for N-API's
/// terminator and one to tell a string that fits from one that was cut short.
const SHORT_STRING: usize = 130;

fn long_strings_equal(call: &Call) -> Result<bool, Failure> {
  let len = call.utf16(0, &mut [])?;
  if call.utf16(1, &mut [])? != len {
    return Ok(false);
  }
  let (mut a, mut b) = (zeroed(len + 1)?, zeroed(len + 1)?);
  call.utf16(0, &mut a)?;
  call.utf16(1, &mut b)?;
  let equal = compare::equal(units_as_bytes(&a[..len]), units_as_bytes(&b[..len]));
  wipe(&mut a);
  wipe(&mut b);
  Ok(equal)
}
