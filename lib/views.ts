// Binary views read through the built-in getters, which read the internal slots of the real
// thing: unlike a toString tag or an own `length`, `buffer` or `byteOffset` property, they cannot
// be spoofed, they run no user code, and they work on objects from other realms.

type Getter<T> = (this: unknown) => T
const getter = <T>(prototype: object, key: PropertyKey): Getter<T> =>
  Object.getOwnPropertyDescriptor(prototype, key)?.get as Getter<T>
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype) as object
const typedArrayName = getter<string | undefined>(TypedArray, Symbol.toStringTag)
const typedLength = getter<number>(TypedArray, 'length')

interface ViewGetters {
  buffer: Getter<ArrayBufferLike>
  offset: Getter<number>
  length: Getter<number>
}
const typed: ViewGetters = {
  buffer: getter(TypedArray, 'buffer'),
  offset: getter(TypedArray, 'byteOffset'),
  length: getter(TypedArray, 'byteLength'),
}
const dataView: ViewGetters = {
  buffer: getter(DataView.prototype, 'buffer'),
  offset: getter(DataView.prototype, 'byteOffset'),
  length: getter(DataView.prototype, 'byteLength'),
}
const bufferLengths: Getter<number>[] = [getter(ArrayBuffer.prototype, 'byteLength')]
if (typeof SharedArrayBuffer === 'function') {
  bufferLengths.push(getter(SharedArrayBuffer.prototype, 'byteLength'))
}

/** The byte length of an ArrayBuffer or SharedArrayBuffer, or -1 for anything else. */
function bufferLength(value: unknown): number {
  for (const length of bufferLengths) {
    try {
      return length.call(value)
    } catch {
      // Not this kind of buffer.
    }
  }
  return -1
}

/** The bytes a view's getters describe; none for a detached or out-of-bounds view. */
function viewBytes(view: unknown, { buffer, offset, length }: ViewGetters): Uint8Array {
  try {
    const bytes = length.call(view)
    return bytes === 0 ? new Uint8Array(0) : new Uint8Array(buffer.call(view), offset.call(view), bytes)
  } catch {
    return new Uint8Array(0)
  }
}

/**
 * The bytes of any TypedArray, DataView or ArrayBuffer as a Uint8Array over the same memory, or
 * `undefined` for anything else. A Uint8Array (a Buffer too) is returned as it is: read its length
 * with `byteLength`, not its own properties.
 */
export function bytesOf(value: unknown): Uint8Array | undefined {
  const name = typedArrayName.call(value)
  if (name === 'Uint8Array') return value as Uint8Array
  if (name !== undefined) return viewBytes(value, typed)
  if (ArrayBuffer.isView(value)) return viewBytes(value, dataView)
  const length = bufferLength(value)
  if (length < 0) return undefined
  return length === 0 ? new Uint8Array(0) : new Uint8Array(value as ArrayBufferLike)
}

/**
 * `bytesOf`, but always a new plain Uint8Array over the same memory, even for a Uint8Array (or a
 * Buffer, or a subclass), whose own `subarray` or `length` could otherwise steer code that fills
 * it. For the fills, where one allocation is nothing next to the work.
 */
export function ownBytes(value: unknown): Uint8Array | undefined {
  return typedArrayName.call(value) === 'Uint8Array' ? viewBytes(value, typed) : bytesOf(value)
}

/** The true element count of a TypedArray, whatever its own properties say; else `undefined`. */
export function typedArrayLength(value: unknown): number | undefined {
  return typedArrayName.call(value) === undefined ? undefined : typedLength.call(value)
}

/** The true byte length of a Uint8Array, whatever its own properties say. */
export function byteLength(view: Uint8Array): number {
  return typed.length.call(view)
}
