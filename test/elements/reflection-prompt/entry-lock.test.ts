import { expect } from '@open-wc/testing';
import {
  createLock,
  deriveKey,
  openBox,
  openLock,
  publicKeyOf,
  seal,
  sealFor,
  unseal,
  unsealWith,
} from '../../../src/elements/reflection-prompt/entry-lock.js';

describe('entry lock (PBKDF2 → AES-GCM)', function () {
  this.timeout(20000);

  it('seals a value so none of its words show, and opens it with the same passphrase only', async () => {
    const key = await deriveKey('quiet river stones');
    const value = { answers: { happened: 'I said yes to everything in March.' } };
    const box = await seal(key, value);
    expect(JSON.stringify(box)).to.not.contain('March');
    expect(box).to.include({ v: 1, salt: key.salt, iterations: key.iterations });
    expect(key.iterations).to.be.at.least(600000);

    const again = await deriveKey('quiet river stones', box.salt, box.iterations);
    expect(await unseal(again, box)).to.deep.equal(value);

    const wrong = await deriveKey('loud river stones', box.salt, box.iterations);
    let failed = false;
    await unseal(wrong, box).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('uses a fresh IV for every box and a fresh salt for every new lock', async () => {
    const key = await deriveKey('passphrase one', undefined, 1000);
    const [a, b] = [await seal(key, 'same'), await seal(key, 'same')];
    expect(a.iv).to.not.equal(b.iv);
    expect(a.data).to.not.equal(b.data);
    expect((await deriveKey('passphrase one', undefined, 1000)).salt).to.not.equal(key.salt);
  });

  it('seals long entries', async () => {
    const key = await deriveKey('passphrase two', undefined, 1000);
    const long = 'ñ'.repeat(100000);
    expect(await unseal(key, await seal(key, long))).to.equal(long);
  });
});

describe('entry lock key pair (ECDH P-256 → HKDF → AES-GCM)', function () {
  this.timeout(20000);

  it('seals with the public key alone and opens only with the private key the passphrase unlocks', async () => {
    const { stored, keys } = await createLock('quiet river stones', 1000);
    // What is kept in plain can only seal: the private key is stored sealed with the passphrase.
    expect(stored.privateKey).to.include({ v: 1, iterations: 1000 });
    const publicKey = await publicKeyOf(stored);
    const value = { answers: { happened: 'I said yes to everything in March.' } };
    const box = await sealFor(publicKey, value);
    expect(box.v).to.equal(2);
    expect(JSON.stringify(box)).to.not.contain('March');
    expect(await unsealWith(keys.privateKey, box)).to.deep.equal(value);

    const reopened = await openLock('quiet river stones', stored);
    expect(await openBox(box, reopened)).to.deep.equal(value);
    let wrong = false;
    await openLock('loud river stones', stored).catch(() => (wrong = true));
    expect(wrong).to.equal(true);
    let closed = false;
    await openBox(box, {}).catch(() => (closed = true));
    expect(closed).to.equal(true);
  });

  it('uses a one-off key for every box, and another lock opens none of them', async () => {
    const { stored } = await createLock('passphrase one', 1000);
    const other = await createLock('passphrase one', 1000);
    const publicKey = await publicKeyOf(stored);
    const [a, b] = [await sealFor(publicKey, 'same'), await sealFor(publicKey, 'same')];
    expect(a.key).to.not.equal(b.key);
    expect(a.data).to.not.equal(b.data);
    let failed = false;
    await unsealWith(other.keys.privateKey, a).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('still opens version 1 boxes with the passphrase key for their salt', async () => {
    const key = await deriveKey('passphrase two', undefined, 1000);
    const box = await seal(key, { answers: { happened: 'old words' } });
    expect(await openBox(box, { legacy: new Map([[key.salt, key]]) })).to.deep.equal({
      answers: { happened: 'old words' },
    });
    let failed = false;
    await openBox(box, { legacy: new Map() }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
