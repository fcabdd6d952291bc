/**
 * Seals reflections, in this browser only. A lock is an ECDH P-256 key pair: the public key is
 * kept in plain and seals any value at any time (a fresh key pair per value, HKDF-SHA-256, then
 * AES-GCM), so nothing has to wait for the passphrase to be saved locked. The private key, the
 * only way to open, is kept sealed with a key made from the passphrase (PBKDF2-SHA-256 and a
 * random salt, then AES-GCM). The passphrase and the keys made from it are never stored; a wrong
 * passphrase fails AES-GCM's check, so nothing is ever "opened" with the wrong key.
 */
import type { LockedBox, ReflectionLock } from '../../domain/reflection.js';

/** PBKDF2 rounds for new locks (OWASP's 2023 figure for SHA-256); kept in each lock, so it can change later. */
export const LOCK_ITERATIONS = 600_000;

const encoder = new TextEncoder();
const toBase64 = (bytes: Uint8Array): string =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const AES = { name: 'AES-GCM', length: 256 } as const;
const HKDF_INFO = encoder.encode('tend reflection lock v2');

/** AES-GCM over a JSON value, with a fresh IV. */
async function encrypt(key: CryptoKey, value: unknown): Promise<{ iv: string; data: string }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Opens what {@link encrypt} sealed; rejects (an `OperationError`) with any other key. */
async function decrypt<T>(key: CryptoKey, box: { iv: string; data: string }): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv) },
    key,
    fromBase64(box.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** The AES-GCM key made from a passphrase, a salt and a number of rounds. */
async function passphraseKey(passphrase: string, salt: string, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    AES,
    false,
    ['encrypt', 'decrypt'],
  );
}

const importPrivate = (pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> =>
  crypto.subtle.importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits']);

/** A lock in memory: the public key always; the private key only while the lock is open. */
export interface LockKeys {
  publicKey: CryptoKey;
  privateKey?: CryptoKey;
}

type StoredLock = Pick<ReflectionLock, 'publicKey' | 'privateKey'>;

/** A new lock for `passphrase`: what to store (public key in plain, private key sealed) and the open keys. */
export async function createLock(
  passphrase: string,
  iterations = LOCK_ITERATIONS,
): Promise<{ stored: StoredLock; keys: Required<LockKeys> }> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const sealed = await encrypt(await passphraseKey(passphrase, salt, iterations), toBase64(pkcs8));
  // In memory the private key is kept as one that cannot be exported again.
  const privateKey = await importPrivate(pkcs8);
  pkcs8.fill(0);
  return {
    stored: { publicKey: toBase64(raw), privateKey: { iterations, salt, ...sealed } },
    keys: { publicKey: pair.publicKey, privateKey },
  };
}

/** The public key of a stored lock, to seal with while the lock is closed. */
export function publicKeyOf(lock: Pick<ReflectionLock, 'publicKey'>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(lock.publicKey), CURVE, true, []);
}

/** Opens a stored lock with the passphrase; rejects when the passphrase is not this lock's. */
export async function openLock(passphrase: string, lock: StoredLock): Promise<Required<LockKeys>> {
  const box = lock.privateKey;
  const pkcs8 = await decrypt<string>(await passphraseKey(passphrase, box.salt, box.iterations), box);
  return { publicKey: await publicKeyOf(lock), privateKey: await importPrivate(fromBase64(pkcs8)) };
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
    AES,
    false,
    [usage],
  );
}

/** Seals any JSON value for the lock's public key; needs no passphrase. */
export async function sealFor(publicKey: CryptoKey, value: unknown): Promise<LockedBox> {
  const oneOff = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', oneOff.publicKey));
  const key = await boxKey(oneOff.privateKey, publicKey, raw, 'encrypt');
  return { v: 2, key: toBase64(raw), ...(await encrypt(key, value)) };
}

/** Opens a box with the lock's private key; rejects when it was sealed for another lock. */
export async function unsealWith<T>(privateKey: CryptoKey, box: LockedBox): Promise<T> {
  const raw = fromBase64(box.key);
  const oneOff = await crypto.subtle.importKey('raw', raw, CURVE, true, []);
  return decrypt<T>(await boxKey(privateKey, oneOff, raw, 'decrypt'), box);
}
