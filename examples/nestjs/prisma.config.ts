// Prisma 7 configuration: where the schema and the SQL migrations live. The connection URL is
// only needed by commands that reach the database; the app hands it to the pg driver adapter.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
