//! The userspace generators: AES-256 in counter mode where the CPU has AES instructions, ChaCha12
//! elsewhere. Both erase their key after every request (each `generate` call), replacing it with
//! keystream no caller ever sees, so a leaked state reveals no earlier output.
//!
//! Keys never move. A move copies a value's bytes and leaves the old ones behind, unwiped, so
//! the state lives in one heap allocation, made once per thread with a public all-zero key and
//! rekeyed in place from then on: each new key schedule is built in a local that then trades
//! places with the old one, which is wiped as the local drops. Every key and counter byte this
//! code holds is wiped, on every path; what it cannot reach are the stack frames of the ciphers'
//! own constructors, and ChaCha's `from_seed`, which takes its key by value.

use aes::cipher::typenum::{U16, U256, U32, U48, U64};
use aes::cipher::{Array, BlockCipherEncrypt, KeyInit};
use aes::Aes256Enc;
use chacha20::{variants::Legacy, ChaChaCore, R12};
use rand::rand_core::block::Generator as _;
use rand::SeedableRng;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::secret::Wiped;

/// Bytes of OS randomness that key either generator: an AES-256 key and a 128-bit counter, or a
/// ChaCha key (whose last 16 bytes are left unused).
pub const SEED_BYTES: usize = 48;

type Seed = Array<u8, U48>;

/// The generator of one thread, chosen once per thread by what the CPU can do.
pub struct Keystream(Box<State>);

enum State {
  Aes(AesCtr),
  ChaCha(ChaCha),
}

impl Keystream {
  /// AES-256-CTR where `aes` runs it on the CPU's AES instructions (AES-NI, and VAES where the CPU
  /// has it, on x86; the Cryptography Extensions on ARMv8), which are constant-time and the
  /// fastest generator there is; ChaCha12 elsewhere, as `aes` would otherwise fall back to
  /// bitsliced software AES, constant-time too but slower than ChaCha. Keyed with zeros, which
  /// are public, until `reseed`.
  pub fn unkeyed() -> Self {
    Keystream(Box::new(if aes::hardware_accelerated() {
      State::Aes(AesCtr::unkeyed())
    } else {
      State::ChaCha(ChaCha::unkeyed())
    }))
  }

  /// Keys the generator from `seed`, in place.
  pub fn reseed(&mut self, seed: &[u8; SEED_BYTES]) {
    let seed = Array::cast_from_core(seed);
    match &mut *self.0 {
      State::Aes(g) => g.rekey(seed),
      State::ChaCha(g) => g.rekey(seed.split_ref::<U32>().0),
    }
  }

  /// Writes the next `out.len()` bytes of keystream to `out`, then erases the key.
  pub fn generate(&mut self, out: &mut [u8]) {
    match &mut *self.0 {
      State::Aes(g) => g.generate(out),
      State::ChaCha(g) => g.generate(out),
    }
  }

  #[cfg(test)]
  pub fn keyed(seed: &[u8; SEED_BYTES]) -> Self {
    let mut g = Keystream::unkeyed();
    g.reseed(seed);
    g
  }

  #[cfg(test)]
  fn name(&self) -> &'static str {
    match *self.0 {
      State::Aes(_) => "aes-256-ctr",
      State::ChaCha(_) => "chacha12",
    }
  }

  /// Where the state is: the same for the generator's whole life.
  #[cfg(test)]
  pub fn state_address(&self) -> *const () {
    std::ptr::from_ref(&*self.0).cast()
  }
}

/// The ciphers wipe their own state (key schedules included) as they drop: their `zeroize`
/// features, which `Cargo.toml` turns on, and which this fails to compile without.
const _: () = {
  const fn wiped_on_drop<T: ZeroizeOnDrop>() {}
  wiped_on_drop::<Aes256Enc>();
  wiped_on_drop::<ChaChaCore12>();
};

/// AES-256 in counter mode as NIST SP 800-90A's CTR_DRBG runs it: output block `i` is
/// `AES(key, v + i)` with a 128-bit big-endian counter, and after each request the next three
/// blocks become the new key and counter (the DRBG's update step).
pub struct AesCtr {
  cipher: Aes256Enc,
  v: u128,
}

impl AesCtr {
  fn unkeyed() -> Self {
    AesCtr {
      cipher: Aes256Enc::new(&Array::default()),
      v: 0,
    }
  }

  #[cfg(test)]
  fn new(seed: &[u8; SEED_BYTES]) -> Self {
    let mut g = AesCtr::unkeyed();
    g.rekey(Array::cast_from_core(seed));
    g
  }

  /// Takes the key (32 bytes) and counter (16) from `seed`, read in place.
  fn rekey(&mut self, seed: &Seed) {
    let (key, v) = seed.split_ref::<U32>();
    let mut cipher = Aes256Enc::new(key);
    std::mem::swap(&mut self.cipher, &mut cipher);
    self.v = u128::from_be_bytes(v.0);
    // `cipher`, now the old key schedule, wipes itself here.
  }

  /// Counter blocks encrypted in place: `out` holds the (public) counters only until
  /// `encrypt_blocks` overwrites them with keystream.
  fn counters(&mut self, blocks: &mut [[u8; 16]]) {
    // SP 800-90A lets the counter be the low 64 bits of V (ctr_len = 64): the high half is the
    // same in every block, and no request comes near 2**64 blocks. Held in locals, which the
    // compiler keeps in registers.
    let high = ((self.v >> 64) as u64).to_be_bytes();
    let mut low = self.v as u64;
    for block in blocks.iter_mut() {
      low = low.wrapping_add(1);
      block[..8].copy_from_slice(&high);
      block[8..].copy_from_slice(&low.to_be_bytes());
    }
    self.v = (self.v >> 64 << 64) | u128::from(low);
    self
      .cipher
      .encrypt_blocks(Array::cast_slice_from_core_mut(blocks));
  }

  fn generate(&mut self, out: &mut [u8]) {
    let (blocks, tail) = out.as_chunks_mut::<16>();
    // 4 KiB at a time, so the counters are still in the L1 cache when they are encrypted: about
    // 1.5 times the speed of one pass over a 64 KiB request.
    for chunk in blocks.chunks_mut(256) {
      self.counters(chunk);
    }
    // One block for a partial tail, then the new key (two blocks) and counter (one): a seed.
    let mut extra = [0u8; 64];
    let mut extra = Wiped(&mut extra);
    self.counters(extra.as_chunks_mut::<16>().0);
    let (first, seed) = Array::<u8, U64>::cast_from_core(extra.0).split_ref::<U16>();
    tail.copy_from_slice(&first[..tail.len()]);
    self.rekey(seed);
  }
}

impl Drop for AesCtr {
  fn drop(&mut self) {
    // The cipher wipes itself (see `wiped_on_drop`); the counter is this code's to wipe.
    self.v.zeroize();
  }
}

type ChaChaCore12 = ChaChaCore<R12, Legacy>;
type ChaChaBlock = <ChaChaCore12 as rand::rand_core::block::Generator>::Output;
const CHACHA_BLOCK_BYTES: usize = std::mem::size_of::<ChaChaBlock>();

/// ChaCha12 (rand's StdRng), four 64-byte blocks a call; after each request, the first 32 bytes
/// of one more call key a fresh core, and the rest of that call is wiped unused.
pub struct ChaCha {
  core: ChaChaCore12,
}

impl ChaCha {
  fn unkeyed() -> Self {
    ChaCha {
      core: ChaChaCore12::from_seed([0; 32]),
    }
  }

  #[cfg(test)]
  fn new(seed: &[u8; SEED_BYTES]) -> Self {
    let mut g = ChaCha::unkeyed();
    g.rekey(Array::<u8, U48>::cast_from_core(seed).split_ref::<U32>().0);
    g
  }

  fn rekey(&mut self, key: &Array<u8, U32>) {
    // `from_seed` takes the key by value: a copy in its argument that this code cannot wipe.
    let mut core = ChaChaCore12::from_seed(key.0);
    std::mem::swap(&mut self.core, &mut core);
    // `core`, now the old state, wipes itself here.
  }

  fn generate(&mut self, out: &mut [u8]) {
    let mut block: ChaChaBlock = [0; CHACHA_BLOCK_BYTES / 4];
    let mut block = Wiped(&mut block);
    for chunk in out.chunks_mut(CHACHA_BLOCK_BYTES) {
      self.core.generate(&mut block);
      chunk.copy_from_slice(&block_bytes(&block)[..chunk.len()]);
    }
    self.core.generate(&mut block);
    let (key, _) = Array::<u8, U256>::cast_from_core(block_bytes(&block)).split_ref::<U32>();
    self.rekey(key);
  }
}

fn block_bytes(block: &ChaChaBlock) -> &[u8; CHACHA_BLOCK_BYTES] {
  // SAFETY: `[u32; N]` is valid as `4 * N` bytes (no padding, any bit pattern is a `u8`, whose
  // alignment is 1), borrowed for as long as `block`.
  unsafe { &*block.as_ptr().cast::<[u8; CHACHA_BLOCK_BYTES]>() }
}

#[cfg(test)]
mod tests {
  use super::*;

  fn stream(g: &mut impl FnMut(&mut [u8]), sizes: &[usize]) -> Vec<Vec<u8>> {
    sizes
      .iter()
      .map(|&n| {
        let mut out = vec![0u8; n];
        g(&mut out);
        out
      })
      .collect()
  }

  #[test]
  fn aes_ctr_matches_the_fips_197_block() {
    // FIPS 197, appendix C.3: AES-256 of 00112233...eeff under the key 000102...1f. The seed's
    // counter is one less, as CTR_DRBG adds one before each block.
    let mut seed = [0u8; SEED_BYTES];
    for (i, b) in seed[..32].iter_mut().enumerate() {
      *b = i as u8;
    }
    let v =
      u128::from_be_bytes(*b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff");
    seed[32..].copy_from_slice(&(v - 1).to_be_bytes());
    let mut g = AesCtr::new(&seed);
    let mut out = [0u8; 16];
    g.generate(&mut out);
    let want = *b"\x8e\xa2\xb7\xca\x51\x67\x45\xbf\xea\xfc\x49\x90\x4b\x49\x60\x89";
    assert_eq!(out, want);
  }

  fn aes(key: &[u8], block: u128) -> [u8; 16] {
    let cipher = Aes256Enc::new(&Array::try_from(key).unwrap());
    let mut b = Array::from(block.to_be_bytes());
    cipher.encrypt_block(&mut b);
    b.into()
  }

  #[test]
  fn aes_ctr_rekeys_from_unseen_keystream_after_each_request() {
    let seed: [u8; SEED_BYTES] = std::array::from_fn(|i| (i * 7 + 1) as u8);
    let (key, v) = (
      &seed[..32],
      u128::from_be_bytes(seed[32..].try_into().unwrap()),
    );
    let mut g = AesCtr::new(&seed);
    let parts = stream(&mut |out| g.generate(out), &[16, 20]);
    assert_eq!(parts[0], aes(key, v + 1));
    // Block v + 2 pads a tail (none here); v + 3 and v + 4 are the next key, v + 5 the counter.
    let next_key = [aes(key, v + 3), aes(key, v + 4)].concat();
    let next_v = u128::from_be_bytes(aes(key, v + 5));
    assert_eq!(parts[1][..16], aes(&next_key, next_v + 1));
    // A partial tail is the start of the next block.
    assert_eq!(parts[1][16..], aes(&next_key, next_v + 2)[..4]);
  }

  #[test]
  fn chacha_rekeys_from_unseen_keystream_after_each_request() {
    let seed = [7u8; SEED_BYTES];
    let mut one = ChaCha::new(&seed);
    let mut whole = [0u8; 2 * CHACHA_BLOCK_BYTES];
    one.generate(&mut whole);
    let mut two = ChaCha::new(&seed);
    let parts = stream(&mut |out| two.generate(out), &[CHACHA_BLOCK_BYTES, 64]);
    assert_eq!(parts[0], whole[..CHACHA_BLOCK_BYTES]);
    // The second request runs under the key that the 32 bytes after the first one would have been.
    let key: [u8; 32] = whole[CHACHA_BLOCK_BYTES..][..32].try_into().unwrap();
    assert_eq!(parts[1], reference_chacha12(&key, 0));
  }

  /// The ChaCha block function written out from RFC 8439 section 2.3, with 12 rounds and the
  /// original layout (64-bit counter in words 12-13, zero nonce), as rand's ChaCha12 uses it.
  fn reference_chacha12(key: &[u8; 32], counter: u64) -> Vec<u8> {
    let mut s = [0u32; 16];
    s[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    for (i, w) in key.chunks(4).enumerate() {
      s[4 + i] = u32::from_le_bytes(w.try_into().unwrap());
    }
    s[12] = counter as u32;
    s[13] = (counter >> 32) as u32;
    let mut x = s;
    let qr = |x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize| {
      x[a] = x[a].wrapping_add(x[b]);
      x[d] = (x[d] ^ x[a]).rotate_left(16);
      x[c] = x[c].wrapping_add(x[d]);
      x[b] = (x[b] ^ x[c]).rotate_left(12);
      x[a] = x[a].wrapping_add(x[b]);
      x[d] = (x[d] ^ x[a]).rotate_left(8);
      x[c] = x[c].wrapping_add(x[d]);
      x[b] = (x[b] ^ x[c]).rotate_left(7);
    };
    for _ in 0..6 {
      qr(&mut x, 0, 4, 8, 12);
      qr(&mut x, 1, 5, 9, 13);
      qr(&mut x, 2, 6, 10, 14);
      qr(&mut x, 3, 7, 11, 15);
      qr(&mut x, 0, 5, 10, 15);
      qr(&mut x, 1, 6, 11, 12);
      qr(&mut x, 2, 7, 8, 13);
      qr(&mut x, 3, 4, 9, 14);
    }
    x.iter()
      .zip(s)
      .flat_map(|(a, b)| a.wrapping_add(b).to_le_bytes())
      .collect()
  }

  #[test]
  fn chacha_is_chacha12() {
    let seed: [u8; SEED_BYTES] = std::array::from_fn(|i| i as u8);
    let mut g = ChaCha::new(&seed);
    let mut out = [0u8; 128];
    g.generate(&mut out);
    let key: [u8; 32] = seed[..32].try_into().unwrap();
    assert_eq!(out[..64], reference_chacha12(&key, 0));
    assert_eq!(out[64..], reference_chacha12(&key, 1));
  }

  /// The bytes of the storage at `at`, all of them written.
  ///
  /// # Safety
  /// `at` must be live and every one of its `size_of::<T>()` bytes initialised.
  unsafe fn storage<'a, T>(at: *const T) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts(at.cast::<u8>(), std::mem::size_of::<T>()) }
  }

  #[test]
  fn dropping_a_generator_zeroes_every_byte_of_its_state() {
    use std::mem::{size_of, ManuallyDrop};
    // No padding and no field besides the key schedule and the counter or state, so that the
    // drops below write every byte that `storage` reads.
    assert_eq!(size_of::<AesCtr>(), size_of::<Aes256Enc>() + 16);
    assert_eq!(size_of::<ChaCha>(), 64);
    let seed: [u8; SEED_BYTES] = std::array::from_fn(|i| i as u8 + 1);
    let mut aes = ManuallyDrop::new(AesCtr::new(&seed));
    let mut chacha = ManuallyDrop::new(ChaCha::new(&seed));
    assert_ne!(aes.v, 0);
    // SAFETY: neither is used as a value again; only their storage, these locals, is read, and
    // the drops have written all of it: `AesCtr`'s own the counter, `aes`'s every byte of the
    // cipher (`zeroize_flat_type`), and `chacha20`'s the whole 64-byte state.
    let (aes, chacha) = unsafe {
      ManuallyDrop::drop(&mut aes);
      ManuallyDrop::drop(&mut chacha);
      (storage(&raw const aes), storage(&raw const chacha))
    };
    assert!(aes.iter().all(|&b| b == 0));
    assert!(chacha.iter().all(|&b| b == 0));
  }

  #[test]
  fn aes_runs_where_the_cpu_has_aes_instructions() {
    let g = Keystream::unkeyed();
    assert_eq!(
      g.name(),
      if aes::hardware_accelerated() {
        "aes-256-ctr"
      } else {
        "chacha12"
      }
    );
  }

  #[test]
  fn every_length_is_filled_with_no_repeated_block() {
    for mut g in [
      Keystream(Box::new(State::Aes(AesCtr::new(&[1u8; SEED_BYTES])))),
      Keystream(Box::new(State::ChaCha(ChaCha::new(&[1u8; SEED_BYTES])))),
    ] {
      for n in [0, 1, 15, 16, 17, 255, 256, 257, 4096 + 3] {
        let mut out = vec![0u8; n];
        g.generate(&mut out);
        let blocks: Vec<&[u8]> = out.chunks_exact(16).collect();
        for (i, x) in blocks.iter().enumerate() {
          assert!(blocks[i + 1..].iter().all(|y| y != x), "{} {n}", g.name());
        }
        if n >= 16 {
          assert!(out.iter().any(|&b| b != 0));
        }
      }
    }
  }
}
