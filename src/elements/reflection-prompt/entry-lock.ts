/**
 * Seals reflections with a passphrase, in this browser only: PBKDF2 (SHA-256) turns the
 * passphrase and a random salt into an AES-GCM key; each value gets its own random IV. The
 * passphrase and the key are never stored; a wrong passphrase fails AES-GCM's check, so nothing
 * is ever "opened" with the wrong key.
 */
import type { LockedBox } from '../../domain/reflection.js';

/** PBKDF2 rounds for new locks (OWASP's 2023 figure for SHA-256); kept in each box, so it can change later. */
export const LOCK_ITERATIONS = 600_000;

const encoder = new TextEncoder();
const toBase64 = (bytes: Uint8Array): string =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A key made from a passphrase, with the salt and rounds needed to make it again. */
export interface LockKey {
  key: CryptoKey;
  salt: string;
  iterations: number;
}

/** Makes the key for `passphrase`; without a salt, a new random one (a new lock). */
export async function deriveKey(
  passphrase: string,
  salt: string = toBase64(crypto.getRandomValues(new Uint8Array(16))),
  iterations = LOCK_ITERATIONS,
): Promise<LockKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key, salt, iterations };
}

/** Seals any JSON value with the key. */
export async function seal(lock: LockKey, value: unknown): Promise<LockedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    lock.key,
    encoder.encode(JSON.stringify(value)),
  );
  return {
    v: 1,
    iterations: lock.iterations,
    salt: lock.salt,
    iv: toBase64(iv),
    data: toBase64(new Uint8Array(data)),
  };
}

/** Opens a box; rejects (an `OperationError`) when the key is not the one it was sealed with. */
export async function unseal<T>(lock: LockKey, box: LockedBox): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv) },
    lock.key,
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
