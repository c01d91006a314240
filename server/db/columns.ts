import { bigint, customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every module's schema: UTC timestamps, money in fen, tsvector, bytea. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const fen = (name: string) => bigint(name, { mode: 'number' });
/** A PostgreSQL tsvector built from jieba tokens (config `simple`), searched through a GIN index. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** bytea as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});
