import type { z } from 'zod';
import type { ParametersBody } from '../../../common/api/contracts.js';
import {
  CONTRACT_PARAMETER_DEFAULTS,
  CONTRACT_PARAMETER_INFO,
  CONTRACT_PARAMETER_KEYS,
  type ContractParameterKey,
  type ContractParameters,
} from '../../../common/contracts.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { contractParameters } from './schema.js';
import { isPlatformAdmin, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';

/** The registration parameters in force: the defaults (with their source) overridden by stored values. */
export async function loadParameters(db: DbOrTx): Promise<ContractParameters> {
  const rows = await db.select().from(contractParameters);
  const out = { ...CONTRACT_PARAMETER_DEFAULTS };
  for (const r of rows)
    if ((CONTRACT_PARAMETER_KEYS as readonly string[]).includes(r.key)) out[r.key as ContractParameterKey] = Number(r.value);
  return out;
}

export function presentParameters(p: ContractParameters) {
  return {
    items: CONTRACT_PARAMETER_KEYS.map((key) => ({
      key,
      value: p[key],
      defaultValue: CONTRACT_PARAMETER_DEFAULTS[key],
      ...CONTRACT_PARAMETER_INFO[key],
    })),
  };
}

export async function getParameters(opts: { db: Db }) {
  return presentParameters(await loadParameters(opts.db));
}

/** Platform admins change the parameters; applications submitted afterwards follow them. */
export async function updateParameters(opts: { db: Db; actor: Actor; patch: z.infer<typeof ParametersBody> }) {
  requirePermission(opts.actor, 'contract:register');
  requireUser(opts.actor);
  if (!isPlatformAdmin(opts.actor)) throw AppError.forbidden('Only platform admins change the registration parameters');
  const userId = opts.actor.userId;
  await opts.db.transaction(async (tx) => {
    const before = await loadParameters(tx);
    const after = { ...before };
    for (const key of CONTRACT_PARAMETER_KEYS) {
      const value = opts.patch[key];
      if (value === undefined) continue;
      after[key] = value;
      await tx
        .insert(contractParameters)
        .values({ key, value, updatedBy: userId, updatedAt: clock.now() })
        .onConflictDoUpdate({ target: contractParameters.key, set: { value, updatedBy: userId, updatedAt: clock.now() } });
    }
    await writeAudit(tx, opts.actor, {
      action: 'contract_parameters.update',
      entity: 'contract_parameters',
      entityId: 'contracts',
      before: { ...before },
      after: { ...after },
    });
  });
  return getParameters({ db: opts.db });
}
