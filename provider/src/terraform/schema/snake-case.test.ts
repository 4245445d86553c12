import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snakeCase } from './snake-case.ts';

test('schema names become snake_case', () => {
  const cases: [string, string][] = [
    ['acceleratorType', 'accelerator_type'],
    ['nodeCount', 'node_count'],
    ['name', 'name'],
    ['hbmGib', 'hbm_gib'],
    ['kvBytesPerToken', 'kv_bytes_per_token'],
    ['bf16Tflops', 'bf16_tflops'],
    ['apiKey', 'api_key'],
  ];
  for (const [camel, snake] of cases) assert.equal(snakeCase(camel), snake);
});
