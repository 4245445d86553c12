import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { AicloudError } from '../../../core/index.ts';
import { reportError } from './report-error.ts';

function capture() {
  let text = '';
  const stderr = new Writable({
    write(chunk, _e, done) {
      text += String(chunk);
      done();
    },
  });
  return { ctx: { stderr, env: {} }, text: () => text };
}

test('a user error prints its message, code and hint, and no stack', () => {
  const c = capture();
  const code = reportError(new AicloudError('STACK_LOCKED', 'stack ml is locked by ci since 2026-01-01T00:00:00.000Z'), c.ctx);
  assert.equal(code, 1);
  assert.equal(
    c.text(),
    'error: stack ml is locked by ci since 2026-01-01T00:00:00.000Z [STACK_LOCKED]\nhint: Wait for the other run, or use force-unlock if it died.\n',
  );
});

test('anything else is a bug: stack trace and a plea to report it', () => {
  const c = capture();
  const code = reportError(new TypeError('cannot read properties of undefined'), c.ctx);
  assert.equal(code, 1);
  assert.match(c.text(), /^internal error: TypeError: cannot read properties of undefined\n\s+at /);
  assert.match(c.text(), /Please report it/);
});
