// Start-up cost: time from spawning a provider process to its handshake line, as go-plugin waits for it.
import { spawn } from 'node:child_process';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../provider/src/terraform/server/handshake.ts';
import { createSelfSignedCert } from '../../provider/src/terraform/tls/self-signed-cert.ts';

export interface HandshakeStats {
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

/** Spawns `argv` `runs` times with Terraform's environment (AutoMTLS on) and reports the handshake latency. */
export async function measureHandshake(argv: string[], runs: number, env: NodeJS.ProcessEnv = {}): Promise<HandshakeStats> {
  const clientCert = createSelfSignedCert().certPem;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), {
      env: { ...process.env, ...env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: clientCert },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`provider exited with ${code} before its handshake`)));
    });
    times.push(performance.now() - started);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { runs, medianMs: at(0.5), p90Ms: at(0.9), minMs: Math.round(times[0]!) };
}
