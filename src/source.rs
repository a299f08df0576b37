//! Where random bytes come from: a per-thread ChaCha20 pool keyed from the OS CSPRNG.

use std::cell::RefCell;

use chacha20::{variants::Legacy, ChaChaCore, R20};
use rand::rand_core::block::Generator;
use rand::SeedableRng;

pub type Error = getrandom::Error;

/// Anything that can fill a slice with random bytes. The generators in `below` take this trait so
/// that `cargo test` can drive them with scripted bytes.
pub trait Source {
  fn fill(&mut self, dest: &mut [u8]) -> Result<(), Error>;
}

type Core = ChaChaCore<R20, Legacy>;
type Block = <Core as Generator>::Output;

/// One call of the ChaCha core yields 16 blocks (four at a time with AVX2): 1 KiB is the natural
/// refill unit, and small enough that a token never waits on a large refill.
const BLOCK_BYTES: usize = std::mem::size_of::<Block>();

/// The key is replaced with fresh OS randomness after this much output, as API.md promises, so a
/// leaked generator state exposes at most 64 KiB of past or future output.
const RESEED_BYTES: usize = 64 * 1024;

/// A ChaCha20 keystream pool. Every byte is handed out once and zeroed as it leaves; the keystream
/// lives only in `block`, which the pool owns (rand's `BlockRng` would keep copies it never wipes).
pub struct Pool {
  core: Option<Core>,
  block: Block,
  pos: usize,
  since_reseed: usize,
}

impl Pool {
  const fn new() -> Self {
    Pool {
      core: None,
      block: [0; BLOCK_BYTES / 4],
      pos: BLOCK_BYTES,
      since_reseed: 0,
    }
  }

  fn refill(&mut self) -> Result<(), Error> {
    if self.core.is_none() || self.since_reseed >= RESEED_BYTES {
      let mut seed = [0u8; 32];
      getrandom::fill(&mut seed)?;
      self.core = Some(Core::from_seed(seed));
      wipe(&mut seed);
      self.since_reseed = 0;
    }
    if let Some(core) = self.core.as_mut() {
      core.generate(&mut self.block);
    }
    self.since_reseed += BLOCK_BYTES;
    self.pos = 0;
    Ok(())
  }

  fn block_bytes(&mut self) -> &mut [u8; BLOCK_BYTES] {
    // SAFETY: `[u32; N]` and `[u8; 4 * N]` have the same size, every bit pattern is a valid `u8`,
    // and the result borrows `self.block` mutably, so no other view of it exists meanwhile.
    unsafe { &mut *(self.block.as_mut_ptr() as *mut [u8; BLOCK_BYTES]) }
  }
}

impl Source for Pool {
  fn fill(&mut self, mut dest: &mut [u8]) -> Result<(), Error> {
    while !dest.is_empty() {
      if self.pos == BLOCK_BYTES {
        self.refill()?;
      }
      let pos = self.pos;
      let n = dest.len().min(BLOCK_BYTES - pos);
      let (head, tail) = dest.split_at_mut(n);
      let taken = &mut self.block_bytes()[pos..pos + n];
      head.copy_from_slice(taken);
      wipe(taken);
      self.pos = pos + n;
      dest = tail;
    }
    Ok(())
  }
}

/// Zeroes `bytes` in a way the optimiser may not drop as a dead store.
pub fn wipe(bytes: &mut [u8]) {
  bytes.fill(0);
  std::hint::black_box(bytes);
}

thread_local! {
  // Per thread: Node's worker threads and libuv's pool never share or copy generator state.
  static POOL: RefCell<Pool> = const { RefCell::new(Pool::new()) };
}

/// Runs `f` with this thread's pool.
pub fn with_pool<T>(f: impl FnOnce(&mut Pool) -> T) -> T {
  POOL.with_borrow_mut(f)
}

#[cfg(test)]
pub mod scripted {
  use super::{Error, Source};

  /// Hands out a fixed script of bytes, then panics: tests state exactly what a generator reads.
  pub struct Scripted {
    bytes: Vec<u8>,
    pos: usize,
  }

  impl Scripted {
    pub fn new(bytes: &[u8]) -> Self {
      Scripted {
        bytes: bytes.to_vec(),
        pos: 0,
      }
    }

    pub fn used(&self) -> usize {
      self.pos
    }
  }

  impl Source for Scripted {
    fn fill(&mut self, dest: &mut [u8]) -> Result<(), Error> {
      let end = self.pos + dest.len();
      assert!(end <= self.bytes.len(), "script exhausted");
      dest.copy_from_slice(&self.bytes[self.pos..end]);
      self.pos = end;
      Ok(())
    }
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn pool_wipes_what_it_hands_out() {
    let mut pool = Pool::new();
    let mut a = [0u8; 100];
    pool.fill(&mut a).unwrap();
    assert_eq!(pool.pos, 100);
    assert!(pool.block_bytes()[..100].iter().all(|&b| b == 0));
    assert!(pool.block_bytes()[100..].iter().any(|&b| b != 0));
  }

  #[test]
  fn pool_never_repeats_across_refills() {
    let mut pool = Pool::new();
    let mut a = vec![0u8; 3 * BLOCK_BYTES + 17];
    pool.fill(&mut a).unwrap();
    let chunks: Vec<&[u8]> = a.chunks(32).collect();
    for (i, x) in chunks.iter().enumerate() {
      for y in &chunks[i + 1..] {
        assert_ne!(x, y);
      }
    }
  }

  #[test]
  fn pool_reseeds_every_64_kib() {
    let mut pool = Pool::new();
    let mut sink = vec![0u8; RESEED_BYTES];
    pool.fill(&mut sink).unwrap();
    assert_eq!(pool.since_reseed, RESEED_BYTES);
    pool.fill(&mut [0u8; 1]).unwrap();
    // The counter restarting at one block means the key was replaced before that refill.
    assert_eq!(pool.since_reseed, BLOCK_BYTES);
  }
}
