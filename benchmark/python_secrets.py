"""Times Python's own secrets module, for the benchmark's Python column: ns per operation as JSON."""
import json
import secrets
import timeit

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
A64 = secrets.token_hex(32)
B64 = A64[:63] + "x"
A32 = secrets.token_bytes(32)
B32 = bytes(A32)

CASES = {
    "tokenHex(16)": ("secrets.token_hex(16)", 1),
    "tokenHex(32)": ("secrets.token_hex(32)", 1),
    "tokenUrlsafe(32)": ("secrets.token_urlsafe(32)", 1),
    "tokenBytes(32)": ("secrets.token_bytes(32)", 1),
    "randbelow(1000)": ("secrets.randbelow(1000)", 1),
    "randbelow(2n ** 256n)": ("secrets.randbelow(2 ** 256)", 1),
    "choice(62 letters)": ("secrets.choice(ALPHABET)", 1),
    "compareDigest(64-char strings)": ("secrets.compare_digest(A64, B64)", 1),
    "compareDigest(32-byte Buffers)": ("secrets.compare_digest(A32, B32)", 1),
    "tokenBytes(1 MiB)": ("secrets.token_bytes(1 << 20)", 1),
    "tokenHexBatch(10000, 32), per token": ("[secrets.token_hex(32) for _ in range(10000)]", 10000),
}

result = {}
for name, (stmt, per) in CASES.items():
    timer = timeit.Timer(stmt, globals=globals())
    number, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=number)) / number
    result[name] = best / per * 1e9
print(json.dumps(result))
