// Runs a protocol 6 provider as a go-plugin child: handshake, AutoMTLS, side services, shutdown.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, ServerCredentials, status, type ServiceDefinition, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { createSelfSignedCert } from '../tls/self-signed-cert.ts';
import { handshakeLine, handshakeProblem } from './handshake.ts';
import { loadProtos } from './load-protos.ts';
import type { ProviderHandlers } from '../wire/messages.ts';
import { internalErrorDiagnostic } from './internal-error.ts';

/** Where the plugin listens and how to stop it; returned so tests can drive a plugin in-process. */
export interface RunningPlugin {
  line: string;
  stop(): void;
}

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  /** Receives the handshake line; the default writes it to stdout, which nothing else may touch first. */
  announce?: (line: string) => void;
  /** Called when Terraform sends GRPCController.Shutdown; the default exits the process. */
  onShutdown?: () => void;
}

type Unary = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void;

/**
 * Serves until Terraform says Shutdown. Ctrl-C reaches the whole process group, but Terraform
 * itself asks the provider to stop (StopProvider), so the plugin ignores SIGINT.
 */
export async function servePlugin(handlers: ProviderHandlers, options: ServeOptions = {}): Promise<RunningPlugin> {
  const env = options.env ?? process.env;
  const problem = handshakeProblem(env);
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
  process.on('SIGINT', () => {});

  const cpuReport = env.AICLOUD_TF_CPU_REPORT;
  const calls: Record<string, number> | undefined = cpuReport ? {} : undefined;
  const definitions = loadProtos();
  const server = new Server({ 'grpc.max_receive_message_length': 256 * 1024 * 1024, 'grpc.max_send_message_length': 256 * 1024 * 1024 });
  server.addService(definitions['tfplugin6.Provider'] as ServiceDefinition, providerImplementation(handlers, calls));

  const dir = mkdtempSync(join(tmpdir(), 'tf-aicloud-'));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  };
  let shutDown = false;
  const shutdownOnce = options.onShutdown ?? (() => process.exit(0));
  const onShutdown = () => {
    if (shutDown) return;
    shutDown = true;
    shutdownOnce();
  };
  process.on('exit', stop);
  // 'exit' handlers do not run on a signal's default action; go-plugin kills a plugin that lingers.
  process.once('SIGTERM', () => {
    stop();
    process.exit(0);
  });
  // Benchmarks add up the CPU each provider process spent, since Terraform starts several per command,
  // and which RPCs each answered.
  if (cpuReport) {
    process.on('exit', () => {
      const { user, system } = process.cpuUsage();
      appendFileSync(cpuReport, `${JSON.stringify({ pid: process.pid, cpuMs: (user + system) / 1000, uptimeMs: process.uptime() * 1000, calls })}\n`);
    });
  }

  server.addService(definitions['plugin.GRPCController'] as ServiceDefinition, {
    Shutdown: ((_call, callback) => {
      callback(null, {});
      // Let the reply reach Terraform before the connection goes; never wait long for it.
      const force = setTimeout(() => {
        stop();
        onShutdown();
      }, 250);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        stop();
        onShutdown();
      });
    }) as Unary,
  });
  server.addService(definitions['grpc.health.v1.Health'] as ServiceDefinition, {
    Check: ((call, callback) => {
      const service = (call.request as { service?: string }).service ?? '';
      if (service === '' || service === 'plugin') callback(null, { status: 1 });
      else callback({ code: status.NOT_FOUND, details: `unknown service ${service}` });
    }) as Unary,
    Watch: (call: { write(m: unknown): void }) => call.write({ status: 1 }),
  });

  const clientCert = env.PLUGIN_CLIENT_CERT;
  const cert = clientCert ? createSelfSignedCert() : undefined;
  const credentials =
    cert && clientCert
      ? ServerCredentials.createSsl(Buffer.from(clientCert), [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }], true)
      : ServerCredentials.createInsecure();

  const socket = join(dir, 'plugin.sock');
  await new Promise<void>((resolve, reject) => server.bindAsync(`unix:${socket}`, credentials, (err) => (err ? reject(err) : resolve())));
  const line = handshakeLine('unix', socket, cert?.certDer);
  (options.announce ?? ((l: string) => process.stdout.write(l)))(line);
  return { line, stop };
}

function providerImplementation(handlers: ProviderHandlers, calls?: Record<string, number>): Record<string, Unary> {
  const impl: Record<string, Unary> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    if (typeof handler !== 'function') continue;
    impl[name] = (call, callback) => {
      if (calls) calls[name] = (calls[name] ?? 0) + 1;
      Promise.resolve()
        .then(() => (handler as (req: unknown) => unknown).call(handlers, call.request))
        .then(
          (response) => callback(null, response),
          (err: unknown) => callback(null, name === 'StopProvider' ? { Error: String(err) } : { diagnostics: [internalErrorDiagnostic(err)] }),
        );
    };
  }
  return impl;
}
