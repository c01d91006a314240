import { sql } from 'drizzle-orm';
import { formatRegistrationNumber, MAX_REGISTRATION_SEQUENCE, registrationRegionOf } from '../../../common/contracts.js';
import { queryRows, type Tx } from '../../db/client.js';
import { localDateOf } from '../../lib/calendar.js';
import { AppError } from '../../lib/errors.js';

/**
 * The next registration number `{year}{region}{sequence}` for a certification at `at` by a point in
 * `pointRegionCode`: year = the Beijing calendar year, region = the point's 6-digit GB/T 2260 code,
 * sequence = 1, 2, … per (year, region). The counter row is incremented with an upsert, which
 * locks it until the certifying transaction ends: concurrent certifications queue on it, and a
 * certification that rolls back gives its number back, so numbers are unique and without gaps.
 */
export async function nextRegistrationNumber(tx: Tx, at: Date, pointRegionCode: string): Promise<string> {
  const year = Number(localDateOf(at).slice(0, 4));
  const region = registrationRegionOf(pointRegionCode);
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`INSERT INTO contract_registration_sequences (year, region_code, last_value) VALUES (${year}, ${region}, 1)
        ON CONFLICT (year, region_code) DO UPDATE SET last_value = contract_registration_sequences.last_value + 1
        RETURNING last_value`,
  );
  const sequence = Number(row!.last_value);
  if (sequence > MAX_REGISTRATION_SEQUENCE) throw AppError.conflict(`The registration numbers of ${year} in ${region} are used up`);
  return formatRegistrationNumber(year, region, sequence);
}

/**
 * A historical registration brings its own number: the counter of its (year, region) moves up to at
 * least its sequence, so numbers issued later continue after the imported ones.
 */
export async function reserveRegistrationNumber(tx: Tx, year: number, region: string, sequence: number): Promise<void> {
  await tx.execute(
    sql`INSERT INTO contract_registration_sequences (year, region_code, last_value) VALUES (${year}, ${region}, ${sequence})
        ON CONFLICT (year, region_code) DO UPDATE SET last_value = GREATEST(contract_registration_sequences.last_value, ${sequence})`,
  );
}
