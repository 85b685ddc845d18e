import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64, fromBase64ByString, toBase64, toBase64ByString } from '../../src/core/base64';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
const LENGTHS = [0, 1, 2, 3, 4, 255, 0x8000 + 5, 70_000];

describe('base64', () => {
  // Node may have the native conversions too: the last test replaces them, and this puts back what was there.
  const original = {
    toBase64: Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64'),
    fromBase64: Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64'),
  };
  afterEach(() => {
    delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;
    delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    if (original.toBase64) Object.defineProperty(Uint8Array.prototype, 'toBase64', original.toBase64);
    if (original.fromBase64) Object.defineProperty(Uint8Array, 'fromBase64', original.fromBase64);
    vi.resetModules();
  });

  it.each(LENGTHS)('writes and reads back %i bytes as standard padded base64', (length) => {
    const bytes = bytesOf(length);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(text)).toEqual(bytes);
    expect(toBase64ByString(bytes)).toBe(text);
    expect(fromBase64ByString(text)).toEqual(bytes);
  });

  it('converts a view of part of a buffer, not the whole buffer', () => {
    const whole = bytesOf(64);
    expect(fromBase64(toBase64(whole.subarray(10, 20)))).toEqual(whole.slice(10, 20));
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('not base64!')).toThrow();
  });

  it("uses the browser's own conversions where there are some", async () => {
    const native = {
      toBase64: vi.fn(function (this: Uint8Array) {
        return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
      }),
      fromBase64: vi.fn((text: string) => new Uint8Array(Buffer.from(text, 'base64'))),
    };
    Object.assign(Uint8Array.prototype, { toBase64: native.toBase64 });
    Object.assign(Uint8Array, { fromBase64: native.fromBase64 });
    vi.resetModules();
    const fresh = await import('../../src/core/base64');
    const bytes = bytesOf(1_000).subarray(3, 900);
    const text = fresh.toBase64(bytes);
    expect(native.toBase64).toHaveBeenCalledTimes(1);
    expect(text).toBe(toBase64ByString(bytes));
    expect(fresh.fromBase64(text)).toEqual(bytes);
    expect(native.fromBase64).toHaveBeenCalledWith(text);
  });
});
