import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudClient } from '../../../provider/src/client/index.ts';
import { createProvider } from '../../../provider/src/pulumi/index.ts';
import type { Provider } from '../../../provider/src/pulumi/index.ts';
import { providerPb } from '../../../provider/src/pulumi/proto.ts';
import { encode, decode } from './engine-values.ts';

/**
 * The provider's own RPC handlers in this process, on an embedded cloud in a temporary folder: the same logic
 * the plugin serves, without a process or a socket, for tests that call it many times or from mocks.
 */
export interface InProcessProvider {
  provider: Provider;
  client: CloudClient;
  dataDir: string;
  check(
    type: string,
    name: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }>;
  diff(
    type: string,
    name: string,
    oldInputs: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<{ changes: number; replaces: string[]; detailed: Record<string, number>; deleteBeforeReplace: boolean }>;
  create(type: string, name: string, inputs: Record<string, unknown>, preview?: boolean): Promise<{ id: string; outputs: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startInProcessProvider(config: Record<string, unknown> = {}): Promise<InProcessProvider> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aicloud-pulumi-'));
  const client = await CloudClient.connect({ dataDir });
  const provider = createProvider({
    version: '0.1.0',
    schemaPath: new URL('../../../schema/schema.json', import.meta.url),
    makeClient: async () => client,
    env: {},
  });
  const ctx = { method: 'test', signal: new AbortController().signal };
  const urn = (type: string, name: string) => `urn:pulumi:test::aicloud::${type}::${name}`;
  await provider.rpcs.configure(new providerPb.ConfigureRequest().setArgs(encode(config)).setAcceptsecrets(true), ctx);
  return {
    provider,
    client,
    dataDir,
    async check(type, name, olds, news) {
      const res = await provider.rpcs.check(
        new providerPb.CheckRequest().setUrn(urn(type, name)).setType(type).setOlds(encode(olds)).setNews(encode(news)),
        ctx,
      );
      return { inputs: decode(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },
    async diff(type, name, oldInputs, news) {
      const res = await provider.rpcs.diff(
        new providerPb.DiffRequest()
          .setUrn(urn(type, name))
          .setType(type)
          .setId(name)
          .setOlds(encode(oldInputs))
          .setOldInputs(encode(oldInputs))
          .setNews(encode(news)),
        ctx,
      );
      const detailed: Record<string, number> = {};
      res.getDetaileddiffMap().forEach((v: InstanceType<typeof providerPb.PropertyDiff>, k: string) => (detailed[k] = v.getKind()));
      return { changes: res.getChanges(), replaces: res.getReplacesList(), detailed, deleteBeforeReplace: res.getDeletebeforereplace() };
    },
    async create(type, name, inputs, preview = false) {
      const res = await provider.rpcs.create(
        new providerPb.CreateRequest().setUrn(urn(type, name)).setType(type).setProperties(encode(inputs)).setPreview(preview),
        ctx,
      );
      return { id: res.getId(), outputs: decode(res.getProperties()) };
    },
    async close() {
      await client.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
