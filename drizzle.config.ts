import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema (`npm run db:generate`); they are applied at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
