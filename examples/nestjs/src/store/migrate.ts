import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** The committed migrations: prisma/migrations/<name>/migration.sql, in name order. */
export function migrationFiles(root: string): Array<{ name: string; file: string }> {
  const dir = path.join(root, 'prisma', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, file: path.join(dir, name, 'migration.sql') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, recording them in
 * `_shop_migrations`. This stands in for `prisma migrate deploy`, whose schema engine is a
 * download the test machines cannot reach; the SQL files are the same ones Prisma would run.
 * An advisory lock keeps two instances starting at once from migrating twice.
 */
export async function applyMigrations(databaseUrl: string, root: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(7426001)');
    await client.query('CREATE TABLE IF NOT EXISTS _shop_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP(3) NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM _shop_migrations')).rows.map((r) => r.name));
    for (const { name, file } of migrationFiles(root)) {
      if (done.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(file, 'utf8'));
        await client.query('INSERT INTO _shop_migrations (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7426001)').catch(() => undefined);
    await client.end();
  }
  return applied;
}

// `npm run db:migrate`: applies the migrations to $DATABASE_URL.
if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  applyMigrations(url, path.resolve(__dirname, '..', '..', '..'))
    .then((names) => console.log(names.length ? `applied ${names.join(', ')}` : 'database is up to date'))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
