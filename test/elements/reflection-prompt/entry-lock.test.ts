import { expect } from '@open-wc/testing';
import {
  createLock,
  openLock,
  publicKeyOf,
  sealFor,
  unsealWith,
} from '../../../src/elements/reflection-prompt/entry-lock.js';

const rejects = (promise: Promise<unknown>): Promise<boolean> =>
  promise.then(
    () => false,
    () => true,
  );

describe('entry lock: the private key sealed with the passphrase (PBKDF2 → AES-GCM)', function () {
  this.timeout(20000);

  it('keeps the private key only sealed, and only the same passphrase opens it', async () => {
    const { stored, keys } = await createLock('quiet river stones');
    expect(stored.privateKey.iterations).to.be.at.least(600000);
    const box = await sealFor(keys.publicKey, {
      answers: { happened: 'I said yes to everything in March.' },
    });

    const reopened = await openLock('quiet river stones', stored);
    expect(await unsealWith(reopened.privateKey, box)).to.deep.equal({
      answers: { happened: 'I said yes to everything in March.' },
    });
    expect(await rejects(openLock('loud river stones', stored))).to.equal(true);
  });

  it('uses a fresh salt and IV for every new lock', async () => {
    const [a, b] = [await createLock('passphrase one', 1000), await createLock('passphrase one', 1000)];
    expect(a.stored.privateKey.salt).to.not.equal(b.stored.privateKey.salt);
    expect(a.stored.privateKey.iv).to.not.equal(b.stored.privateKey.iv);
    expect(a.stored.privateKey.data).to.not.equal(b.stored.privateKey.data);
  });
});

describe('entry lock key pair (ECDH P-256 → HKDF → AES-GCM)', function () {
  this.timeout(20000);

  it('seals with the public key alone and opens only with the private key the passphrase unlocks', async () => {
    const { stored, keys } = await createLock('quiet river stones', 1000);
    const publicKey = await publicKeyOf(stored);
    const value = { answers: { happened: 'I said yes to everything in March.' } };
    const box = await sealFor(publicKey, value);
    expect(box.v).to.equal(2);
    expect(JSON.stringify(box)).to.not.contain('March');
    expect(await unsealWith(keys.privateKey, box)).to.deep.equal(value);

    const reopened = await openLock('quiet river stones', stored);
    expect(await unsealWith(reopened.privateKey, box)).to.deep.equal(value);
  });

  it('uses a one-off key for every box, and another lock opens none of them', async () => {
    const { stored } = await createLock('passphrase one', 1000);
    const other = await createLock('passphrase one', 1000);
    const publicKey = await publicKeyOf(stored);
    const [a, b] = [await sealFor(publicKey, 'same'), await sealFor(publicKey, 'same')];
    expect(a.key).to.not.equal(b.key);
    expect(a.data).to.not.equal(b.data);
    expect(await rejects(unsealWith(other.keys.privateKey, a))).to.equal(true);
  });

  it('seals long entries', async () => {
    const { keys } = await createLock('passphrase two', 1000);
    const long = 'ñ'.repeat(100000);
    expect(await unsealWith(keys.privateKey, await sealFor(keys.publicKey, long))).to.equal(long);
  });
});
