import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSelfSignedCert } from './self-signed-cert.ts';

test('the certificate parses, is self-signed by its key, and names localhost', () => {
  for (let i = 0; i < 50; i++) {
    const cert = createSelfSignedCert();
    const x509 = new X509Certificate(cert.certPem);
    assert.equal(x509.ca, true);
    assert.equal(x509.checkHost('localhost'), 'localhost');
    assert.equal(x509.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(x509.verify(x509.publicKey), true);
    assert.equal(x509.checkPrivateKey(createPrivateKey(cert.keyPem)), true);
    assert.deepEqual(x509.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    assert.deepEqual(Buffer.from(x509.raw), cert.certDer);
    // A serial that starts with a zero byte is re-encoded shorter and breaks strict parsers.
    assert.equal(x509.serialNumber.length, 32);
    assert.notEqual(x509.serialNumber.slice(0, 2), '00');
  }
});

test('the certificate is valid now and not before', () => {
  const now = new Date('2030-06-01T00:00:00Z');
  const x509 = new X509Certificate(createSelfSignedCert(now).certPem);
  assert.ok(new Date(x509.validFrom) <= now);
  assert.ok(new Date(x509.validTo) > now);
});
