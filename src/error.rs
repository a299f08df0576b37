//! Why random bytes could not be had. A module of its own, below every other, so that the
//! generators, the wiping wrappers (`secret`) and the pool all name it without importing one another.

#[derive(Debug)]
pub enum Error {
  /// The OS random source failed.
  Os(getrandom::Error),
  /// Memory for this many bytes could not be allocated.
  Memory(usize),
}

impl Error {
  /// The `code` of the JavaScript error this becomes.
  pub fn code(&self) -> &'static str {
    match self {
      Error::Os(_) => "ERR_NAPI_SECRETS_RANDOM_SOURCE",
      Error::Memory(_) => "ERR_MEMORY_ALLOCATION_FAILED",
    }
  }
}

impl std::fmt::Display for Error {
  fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    match self {
      Error::Os(e) => write!(f, "the OS random source failed: {e}"),
      Error::Memory(bytes) => write!(f, "{bytes} bytes of memory could not be allocated"),
    }
  }
}
