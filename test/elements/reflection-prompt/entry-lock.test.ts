import { expect } from '@open-wc/testing';
import { deriveKey, seal, unseal } from '../../../src/elements/reflection-prompt/entry-lock.js';

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
