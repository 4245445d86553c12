import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchesLabels, parseLabelSelector } from './label-selector.ts';

describe('label selectors', () => {
  const labels = { 'aicloud.dev/stack': 'prod', team: 'ml' };
  const sel = (s: string) => {
    const t = parseLabelSelector(s);
    assert.ok(Array.isArray(t), s);
    return t;
  };

  it('matches equality, inequality, presence and absence', () => {
    assert.ok(matchesLabels(labels, sel('aicloud.dev/stack=prod')));
    assert.ok(matchesLabels(labels, sel('aicloud.dev/stack=prod,team=ml')));
    assert.ok(!matchesLabels(labels, sel('aicloud.dev/stack=prod,team=infra')));
    assert.ok(matchesLabels(labels, sel('team!=infra')));
    assert.ok(!matchesLabels(labels, sel('team!=ml')));
    assert.ok(matchesLabels(labels, sel('team')));
    assert.ok(matchesLabels(labels, sel('!gpu')));
    assert.ok(!matchesLabels(labels, sel('gpu')));
    assert.ok(matchesLabels(undefined, sel('')));
  });

  it('returns the bad term', () => {
    assert.deepEqual(parseLabelSelector('team=ml,=x'), { badTerm: '=x' });
  });
});
