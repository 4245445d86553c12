// A control plane as its own process, for tests that kill it with SIGKILL. Options come as one JSON
// argument; the first stdout line is `{"url", "adminToken", "pid"}`; logs go to stderr.
import { startServer, type ServerOptions } from '../../controlplane/src/server.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const server = await startServer({ port: 0, logLevel: 'warn', ...options });
process.stdout.write(`${JSON.stringify({ url: server.url, adminToken: server.adminToken, pid: process.pid })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
