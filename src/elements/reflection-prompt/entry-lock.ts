/**
 * Seals reflections, in this browser only. A lock is an ECDH P-256 key pair: the public key is
 * kept in plain and seals any value at any time (a fresh key pair per value, HKDF-SHA-256, then
 * AES-GCM), so nothing has to wait for the passphrase to be saved locked. The private key, the
 * only way to open, is kept sealed with a key made from the passphrase (PBKDF2-SHA-256 and a
 * random salt, then AES-GCM: version 1 boxes, which entries locked before key pairs also use).
 * The passphrase and the keys made from it are never stored; a wrong passphrase fails
 * AES-GCM's check, so nothing is ever "opened" with the wrong key.
 */
import type { LockedBox, PassphraseBox, PublicKeyBox, ReflectionLock } from '../../domain/reflection.js';

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

/** Seals any JSON value with a passphrase key (a version 1 box). */
export async function seal(lock: LockKey, value: unknown): Promise<PassphraseBox> {
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

/** Opens a version 1 box; rejects (an `OperationError`) when the key is not the one it was sealed with. */
export async function unseal<T>(lock: LockKey, box: PassphraseBox): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv) },
    lock.key,
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const HKDF_INFO = encoder.encode('tend reflection lock v2');

/** A lock in memory: the public key always; the private key only while the lock is open. */
export interface LockKeys {
  publicKey: CryptoKey;
  privateKey?: CryptoKey;
}

/** A new lock for `passphrase`: what to store (public key in plain, private key sealed) and the open keys. */
export async function createLock(
  passphrase: string,
  iterations = LOCK_ITERATIONS,
): Promise<{ stored: Pick<ReflectionLock, 'publicKey' | 'privateKey'>; keys: Required<LockKeys> }> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = await seal(await deriveKey(passphrase, undefined, iterations), toBase64(pkcs8));
  // In memory the private key is kept as one that cannot be exported again.
  const opened = await crypto.subtle.importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits']);
  pkcs8.fill(0);
  return {
    stored: { publicKey: toBase64(raw), privateKey },
    keys: { publicKey: pair.publicKey, privateKey: opened },
  };
}

/** The public key of a stored lock, to seal with while the lock is closed. */
export function publicKeyOf(lock: Pick<ReflectionLock, 'publicKey'>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(lock.publicKey), CURVE, true, []);
}

/** Opens a stored lock with the passphrase; rejects when the passphrase is not this lock's. */
export async function openLock(
  passphrase: string,
  lock: Pick<ReflectionLock, 'publicKey' | 'privateKey'>,
): Promise<Required<LockKeys>> {
  const box = lock.privateKey;
  const pkcs8 = await unseal<string>(await deriveKey(passphrase, box.salt, box.iterations), box);
  return {
    publicKey: await publicKeyOf(lock),
    privateKey: await crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), CURVE, false, ['deriveBits']),
  };
}

/** The AES-GCM key shared by a one-off key pair and the lock's key pair (ECDH, then HKDF bound to the one-off key). */
async function boxKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  oneOff: Uint8Array<ArrayBuffer>,
  usage: KeyUsage,
): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: oneOff, info: HKDF_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Seals any JSON value for the lock's public key (a version 2 box); needs no passphrase. */
export async function sealFor(publicKey: CryptoKey, value: unknown): Promise<PublicKeyBox> {
  const oneOff = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', oneOff.publicKey));
  const key = await boxKey(oneOff.privateKey, publicKey, raw, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { v: 2, key: toBase64(raw), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Opens a version 2 box with the lock's private key; rejects when it was sealed for another lock. */
export async function unsealWith<T>(privateKey: CryptoKey, box: PublicKeyBox): Promise<T> {
  const raw = fromBase64(box.key);
  const oneOff = await crypto.subtle.importKey('raw', raw, CURVE, true, []);
  const key = await boxKey(privateKey, oneOff, raw, 'decrypt');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv) },
    key,
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/**
 * Opens any box: version 2 with the private key, version 1 with a passphrase key made for its
 * salt (`legacy`, by salt). Rejects when none of the keys given fits.
 */
export function openBox<T>(
  box: LockedBox,
  keys: { privateKey?: CryptoKey | undefined; legacy?: ReadonlyMap<string, LockKey> },
): Promise<T> {
  if (box.v === 2)
    return keys.privateKey
      ? unsealWith<T>(keys.privateKey, box)
      : Promise.reject(new Error('the lock is closed'));
  const legacy = keys.legacy?.get(box.salt);
  return legacy ? unseal<T>(legacy, box) : Promise.reject(new Error('no key for this box'));
}
