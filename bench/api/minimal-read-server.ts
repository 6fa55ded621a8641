/*
 * The ceiling of a read: a minimal Koa handler answering one user with one mysql2 SELECT, in a process of its own
 * as Forte is. Argument: DATABASE_URL. Tells its port to the parent over IPC.
 */
import { AddressInfo } from 'node:net';
import Koa from 'koa';
import { createPool } from 'mysql2/promise';

const pool = createPool({
  uri: process.argv[2],
  connectionLimit: 32,
  supportBigNumbers: true,
  bigNumberStrings: true,
  timezone: 'Z',
});
const app = new Koa();
app.use(async (ctx) => {
  const id = Number(/^\/api\/v2\/users\/(\d+)$/.exec(ctx.path)?.[1]);
  const [rows] = await pool.query('SELECT * FROM users WHERE id = ? LIMIT 1', [id]);
  ctx.body = (rows as unknown[])[0] ?? null;
});
const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
