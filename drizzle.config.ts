import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema (`npm run db:generate`); they are applied at boot.
export default defineConfig({
  dialect: 'postgresql',
  // Re-exports every module's schema.ts (server/modules/<module>/schema.ts, server/lib/schema.ts).
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
