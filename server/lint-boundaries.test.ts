import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps each module's tables its own (eslint.config.js), as `npm run lint` applies it. */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

const use = (what: string) => `export const tables = [${what}];\n`;

describe('module boundaries', { timeout: 60_000 }, () => {
  it("fails when a module imports another module's schema", async () => {
    const messages = await restrictedImports(
      'server/modules/trading/example.ts',
      `import { users } from '../identity/schema.js';\n${use('users')}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(2); // an error: npm run lint fails
    expect(messages[0]!.message).toContain("Another module's tables");
  });

  it('fails on the all-tables index and on the platform tables of server/lib', async () => {
    const code = `import { achievements } from '../../db/schema/index.js';\nimport { auditLog } from '../../lib/schema.js';\n${use('achievements, auditLog')}`;
    const messages = await restrictedImports('server/modules/search/example.ts', code);
    expect(messages.map((m) => m.severity)).toEqual([2, 2]);
  });

  it('passes for its own schema and for the owner’s functions', async () => {
    const code = `import { tradeDeals } from './schema.js';\nimport { findOrganization } from '../organizations/repository.js';\n${use('tradeDeals, findOrganization')}`;
    expect(await restrictedImports('server/modules/trading/example.ts', code)).toEqual([]);
  });

  it("lets a schema file import another module's schema (foreign keys)", async () => {
    const code = `import { organizations } from '../organizations/schema.js';\n${use('organizations')}`;
    expect(await restrictedImports('server/modules/trading/schema.ts', code)).toEqual([]);
  });
});
