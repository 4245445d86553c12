import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pendingReason, sameButPosition, withPosition } from './pending-reason.ts';
import { replicaReason } from './admit-replicas.ts';

const reserved = { supernode: 'sn-2', since: Date.UTC(2026, 0, 1, 12, 1) };

test('sameButPosition tells a moved position from any other change, in every reason format', () => {
  const gang = (n: number, r?: typeof reserved, extra?: string) => pendingReason('48 ascend-910c servers in one supernode', n, r, extra);
  assert.ok(sameButPosition(gang(3), gang(12)));
  assert.ok(sameButPosition(gang(3, reserved), gang(1, reserved)));
  assert.ok(!sameButPosition(gang(3), gang(3, reserved)), 'a new reservation');
  assert.ok(!sameButPosition(gang(2, undefined, 'over quota'), gang(2, undefined, 'over quotas')));
  assert.ok(!sameButPosition(gang(2), pendingReason('47 ascend-910c servers in one supernode', 2)));
  const ask = { cluster: 'c1', clusterName: 'serve', replicas: 2, acceleratorsPerReplica: 8 };
  assert.ok(sameButPosition(replicaReason(ask, 'ascend-910c', 1), replicaReason(ask, 'ascend-910c', 10)));
  assert.ok(!sameButPosition(replicaReason(ask, 'ascend-910c', 1), replicaReason({ ...ask, replicas: 3 }, 'ascend-910c', 1)));
  assert.ok(!sameButPosition('waiting for admission', gang(1)), 'a reason without a position');
});

test('withPosition and sameButPosition agree on random reasons', () => {
  fc.assert(
    fc.property(fc.nat(5000), fc.nat(5000), fc.boolean(), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), (a, b, r, extra) => {
      const one = pendingReason('8 ascend-910c servers in cn-southwest-2a', a, r ? reserved : undefined, extra);
      const two = pendingReason('8 ascend-910c servers in cn-southwest-2a', b, r ? reserved : undefined, extra);
      assert.ok(sameButPosition(one, two));
      assert.equal(withPosition(one, b), two);
    }),
    { seed: 7 },
  );
});
