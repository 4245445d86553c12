import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentials, loadPackageDefinition, type ServiceClientConstructor } from '@grpc/grpc-js';
import { createSelfSignedCert } from '../tls/self-signed-cert.ts';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './handshake.ts';
import { loadProtos } from './load-protos.ts';
import { servePlugin } from './serve-plugin.ts';
import type { ProviderHandlers } from '../wire/messages.ts';

type Client = Record<string, (req: object, cb: (err: Error | null, res: Record<string, unknown>) => void) => void> & { close(): void };

const handlers: ProviderHandlers = {
  GetProviderSchema: () => ({
    provider: { version: 0, block: { version: 0, attributes: [], block_types: [], description: 'p' } },
    resource_schemas: {},
    data_source_schemas: {},
  }),
  ValidateResourceConfig: async () => {
    throw new Error('boom');
  },
};

const call = (client: Client, method: string, req: object = {}) =>
  new Promise<Record<string, unknown>>((resolve, reject) => client[method]!(req, (err, res) => (err ? reject(err) : resolve(res))));

test('serves protocol 6 over mutual TLS with the certificate it prints, and exits on Shutdown', async () => {
  const clientCert = createSelfSignedCert();
  let onShutdown!: () => void;
  const shutdown = new Promise<void>((resolve) => (onShutdown = resolve));
  let announced = '';
  const plugin = await servePlugin(handlers, {
    env: { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: clientCert.certPem },
    announce: (line) => (announced = line),
    onShutdown,
  });
  const [core, app, network, address, protocol, cert] = announced.trimEnd().split('|');
  assert.deepEqual([core, app, network, protocol], ['1', '6', 'unix', 'grpc']);
  const serverCertPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert!, 'base64').toString('base64')}\n-----END CERTIFICATE-----\n`;

  const pkg = loadPackageDefinition(loadProtos()) as unknown as Record<string, Record<string, ServiceClientConstructor>>;
  const creds = credentials.createSsl(Buffer.from(serverCertPem), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem));
  const opts = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const ns = (name: string) => name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], pkg) as ServiceClientConstructor;
  const provider = new (ns('tfplugin6.Provider'))(`unix:${address}`, creds, opts) as unknown as Client;
  const health = new (ns('grpc.health.v1.Health'))(`unix:${address}`, creds, opts) as unknown as Client;
  const controller = new (ns('plugin.GRPCController'))(`unix:${address}`, creds, opts) as unknown as Client;
  try {
    const schema = await call(provider, 'GetProviderSchema');
    assert.equal((schema.provider as { block: { description: string } }).block.description, 'p');
    assert.deepEqual(await call(health, 'Check', { service: 'plugin' }), { status: 1 });
    const failed = await call(provider, 'ValidateResourceConfig', { type_name: 'x' });
    assert.match(JSON.stringify(failed.diagnostics), /Internal error in the aicloud provider/);
    await assert.rejects(call(provider, 'ReadResource', { type_name: 'x' }), /UNIMPLEMENTED/);
    await call(controller, 'Shutdown');
    provider.close();
    health.close();
    controller.close();
    await shutdown;
  } finally {
    provider.close();
    health.close();
    controller.close();
    plugin.stop();
  }
});

test('a client without the trusted certificate is refused', async () => {
  const trusted = createSelfSignedCert();
  const stranger = createSelfSignedCert();
  let announced = '';
  const plugin = await servePlugin(handlers, {
    env: { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_CLIENT_CERT: trusted.certPem },
    announce: (line) => (announced = line),
    onShutdown: () => {},
  });
  const [, , , address, , cert] = announced.trimEnd().split('|');
  const serverCertPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert!, 'base64').toString('base64')}\n-----END CERTIFICATE-----\n`;
  const pkg = loadPackageDefinition(loadProtos()) as unknown as { tfplugin6: Record<string, ServiceClientConstructor> };
  const creds = credentials.createSsl(Buffer.from(serverCertPem), Buffer.from(stranger.keyPem), Buffer.from(stranger.certPem));
  const client = new pkg.tfplugin6.Provider!(`unix:${address}`, creds, { 'grpc.ssl_target_name_override': 'localhost' }) as unknown as Client;
  try {
    await assert.rejects(call(client, 'GetProviderSchema'));
  } finally {
    client.close();
    plugin.stop();
  }
});
