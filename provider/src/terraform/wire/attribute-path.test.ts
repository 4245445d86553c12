import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindInfo } from '../core-api.ts';
import { deriveResourceSchema } from '../schema/derive-resource-schema.ts';
import { splitFieldPath, toAttributePath } from './attribute-path.ts';

const endpoint = deriveResourceSchema(kindInfo('ModelEndpoint')).attributes;

test('core paths split into names and indices', () => {
  assert.deepEqual(splitFieldPath('model.precision'), ['model', 'precision']);
  assert.deepEqual(splitFieldPath('labels["aicloud.dev/stack"]'), ['labels', 'aicloud.dev/stack']);
  assert.deepEqual(splitFieldPath('items[0].name'), ['items', 0, 'name']);
  assert.deepEqual(splitFieldPath(''), []);
});

test('attribute paths use snake_case names and element keys below maps', () => {
  assert.deepEqual(toAttributePath('model.parametersBillions', endpoint), {
    steps: [{ attribute_name: 'model' }, { attribute_name: 'parameters_billions' }],
  });
  assert.deepEqual(toAttributePath('acceleratorsPerReplica', endpoint), { steps: [{ attribute_name: 'accelerators_per_replica' }] });
  assert.deepEqual(toAttributePath('labels["aicloud.dev/stack"]', endpoint), {
    steps: [{ attribute_name: 'labels' }, { element_key_string: 'aicloud.dev/stack' }],
  });
  assert.equal(toAttributePath('', endpoint), undefined);
});
