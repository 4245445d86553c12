import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { loggerOptions, requestId } from './request-log.ts';

/** An app whose log lines land in an array instead of stderr. */
function appWithLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { app: Fastify(loggerOptions('debug', stream)), lines };
}

test('a secret passed to a log call is replaced before the line is written', () => {
  const { app, lines } = appWithLog();
  const secrets = ['tok-headers-0123456789', 'tok-req-0123456789', 'tok-field-0123456789', 'key-outputs-0123456789', 'key-nested-0123456789'];
  app.log.info({ headers: { authorization: `Bearer ${secrets[0]}`, accept: 'application/json' } }, 'headers');
  app.log.info({ req: { headers: { authorization: `Bearer ${secrets[1]}` } } }, 'request');
  app.log.info({ token: secrets[2], project: 'p1' }, 'token');
  app.log.info({ outputs: { apiKey: secrets[3], url: 'https://x' } }, 'outputs');
  app.log.info({ resource: { apiKey: secrets[4] } }, 'nested');
  const text = lines.join('\n');
  assert.equal(lines.length, 5);
  for (const s of secrets) assert.ok(!text.includes(s), `${s} reached the log:\n${text}`);
  assert.match(text, /\[redacted\]/);
  // What is not a secret stays.
  assert.match(text, /"accept":"application\/json"/);
  assert.match(text, /"project":"p1"/);
});

test("a request id is the caller's when usable, else a new UUID", () => {
  const req = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as never;
  assert.equal(requestId(req('lb-7f3a:0001')), 'lb-7f3a:0001');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  assert.match(requestId(req()), uuid);
  for (const bad of ['', 'has space', 'a\nb', 'x'.repeat(129), '{"json":1}']) assert.match(requestId(req(bad)), uuid, JSON.stringify(bad));
  assert.notEqual(requestId(req()), requestId(req()));
});
