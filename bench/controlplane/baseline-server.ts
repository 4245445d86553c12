// The yardstick: a bare fastify route over one better-sqlite3 table, with the same durability
// settings as the control plane (WAL, synchronous=NORMAL). Prints its URL as the first line.
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { join } from 'node:path';

const dir = process.argv[2];
const db = new Database(join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY, doc TEXT NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS allocations (accelerator TEXT PRIMARY KEY, owner TEXT NOT NULL)');
const get = db.prepare('SELECT doc FROM items WHERE name = ?').pluck();
const insert = db.prepare('INSERT INTO items (name, doc) VALUES (?, ?)');
const alloc = db.prepare('INSERT INTO allocations (accelerator, owner) VALUES (?, ?)');
let next = 0;
const create = db.transaction((name: string, doc: string) => {
  insert.run(name, doc);
  const server = next++;
  for (let i = 0; i < 8; i++) alloc.run(`z/s${server}/${i}`, name);
});

const app = Fastify();
app.get<{ Params: { name: string } }>('/items/:name', async (req, reply) => {
  const doc = get.get(req.params.name) as string | undefined;
  if (!doc) return reply.code(404).send({ code: 'NOT_FOUND' });
  return reply.type('application/json').send(doc);
});
app.post<{ Body: { name: string } }>('/items', async (req, reply) => {
  create(req.body.name, JSON.stringify(req.body));
  return reply.code(201).send(req.body);
});
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(`baseline listening on http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}\n`);
