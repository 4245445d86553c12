import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handshakeLine, handshakeProblem, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './handshake.ts';

test('without the magic cookie the plugin refuses to run', () => {
  assert.match(handshakeProblem({}) ?? '', /This binary is a plugin/);
  assert.match(handshakeProblem({ [MAGIC_COOKIE_KEY]: 'nope' }) ?? '', /This binary is a plugin/);
});

test('the plugin needs protocol 6 among the offered versions', () => {
  assert.equal(handshakeProblem({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6' }), undefined);
  assert.match(handshakeProblem({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5' }) ?? '', /protocol 6/);
});

test('the handshake line carries the certificate in unpadded base64', () => {
  for (const length of [30, 31, 32]) {
    const der = Buffer.alloc(length, 0xab);
    const line = handshakeLine('unix', '/tmp/p.sock', der);
    const cert = line.trimEnd().split('|')[5]!;
    assert.doesNotMatch(cert, /=/);
    assert.deepEqual(Buffer.from(cert, 'base64'), der);
  }
  assert.equal(handshakeLine('tcp', '127.0.0.1:1234'), '1|6|tcp|127.0.0.1:1234|grpc|\n');
});
