export * from './identity.js';
export * from './audit.js';
export * from './catalog.js';
export * from './contracts.js';
export * from './statistics.js';
export * from './trading.js';
