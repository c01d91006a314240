// Lint: typescript-eslint's recommended rules (syntax-only, fast) plus the house boundaries.
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Each module owns its tables (server/modules/<module>/schema.ts); others reach them only through its functions.
const modules = readdirSync('./server/modules/', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'web/dist/', 'dist/', 'coverage/', 'scratch/', 'server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // common/ is isomorphic: it imports neither server/ nor web/.
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/web/**'] }] },
  },
  {
    // web/ never imports server/.
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**'] }] },
  },
  // A module imports no other module's schema, nor the all-tables index, nor the platform tables of server/lib.
  // A schema file may import another module's schema for foreign-key references only.
  ...modules.map((m) => ({
    files: [`server/modules/${m}/**/*.ts`],
    ignores: [`server/modules/${m}/schema.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...modules.filter((o) => o !== m).map((o) => `**/modules/${o}/schema*`),
                ...modules.filter((o) => o !== m).map((o) => `../${o}/schema*`),
                '**/db/schema/**',
                '**/lib/schema*',
              ],
              message: `Another module's tables: call that module's functions instead (server/modules/${m} owns only its own schema.ts).`,
            },
          ],
        },
      ],
    },
  })),
);
