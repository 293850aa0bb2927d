import { readdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '../../src/store/migrate';

/** The server the stage started (scripts/with-postgres.sh), or undefined outside it. */
export const DATABASE_URL = process.env.DATABASE_URL;

/** Why PostgreSQL tests are skipped, or false when they run. */
export const SKIP_WITHOUT_POSTGRES = DATABASE_URL ? false : 'DATABASE_URL unset: run through scripts/with-postgres.sh';

/**
 * A new, empty database on the test server with every migration applied; answers its URL. Each
 * test file gets its own, so files cannot disturb one another.
 */
export async function freshDatabase(label: string): Promise<string> {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const name = `shop_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString(), exampleRoot());
  return url.toString();
}

/** One SQL query against a test database (assertions on what is stored). */
export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function exampleRoot(): string {
  let dir = __dirname;
  while (!readdirSync(dir).includes('prisma')) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find examples/nestjs');
    dir = parent;
  }
  return dir;
}
