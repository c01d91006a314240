import { describe, expect, it } from 'vitest';
import { matchPolicy, type OrganizationFacts, type PolicyConditions } from './matcher.js';

const base: PolicyConditions = {
  regionPath: null,
  regionName: null,
  organizationTypes: [],
  fieldCodes: [],
  smeOnly: false,
  effectiveFrom: null,
  effectiveUntil: null,
};
const binhaiEnterprise: OrganizationFacts = { type: 'enterprise', regionPath: '/120000/120116/12011601/', sme: null, fieldCodes: null };
const today = '2026-12-08';
const verdict = (p: Partial<PolicyConditions>, o: Partial<OrganizationFacts> = {}) =>
  matchPolicy({ ...base, ...p }, { ...binhaiEnterprise, ...o }, today).verdict;

describe('the policy matcher', () => {
  it('applies a national policy with no conditions to anyone', () => {
    expect(verdict({})).toBe('applies');
  });

  it('walks the region tree: city and district policies reach a park inside them, not a sibling district', () => {
    expect(verdict({ regionPath: '/120000/' })).toBe('applies');
    expect(verdict({ regionPath: '/120000/120116/' })).toBe('applies');
    expect(verdict({ regionPath: '/120000/120116/12011601/' })).toBe('applies');
    expect(verdict({ regionPath: '/120000/120116/12011602/' })).toBe('no');
    expect(verdict({ regionPath: '/120000/120104/' })).toBe('no');
    // A district policy does not reach an organisation registered at city level above it.
    expect(verdict({ regionPath: '/120000/120116/' }, { regionPath: '/120000/' })).toBe('no');
  });

  it('checks the organisation type when the policy names types', () => {
    expect(verdict({ organizationTypes: ['enterprise'] })).toBe('applies');
    expect(verdict({ organizationTypes: ['university', 'research_institute'] })).toBe('no');
  });

  it('treats 科技型中小企业 status as unknown until assessed', () => {
    expect(verdict({ smeOnly: true })).toBe('maybe');
    expect(verdict({ smeOnly: true }, { sme: true })).toBe('applies');
    expect(verdict({ smeOnly: true }, { sme: false })).toBe('no');
    expect(verdict({ smeOnly: false }, { sme: false })).toBe('applies');
  });

  it('matches fields by code prefix, unknown when the organisation names none', () => {
    expect(verdict({ fieldCodes: ['520'] })).toBe('maybe');
    expect(verdict({ fieldCodes: ['520'] }, { fieldCodes: ['52010'] })).toBe('applies');
    expect(verdict({ fieldCodes: ['52010'] }, { fieldCodes: ['520'] })).toBe('applies');
    expect(verdict({ fieldCodes: ['520'] }, { fieldCodes: ['410'] })).toBe('no');
  });

  it('keeps a policy until the end of its last day; a failed criterion outweighs an unknown one', () => {
    expect(verdict({ effectiveUntil: today })).toBe('applies');
    expect(verdict({ effectiveUntil: '2026-12-07' })).toBe('no');
    expect(verdict({ effectiveFrom: '2027-01-01' })).toBe('applies');
    expect(verdict({ smeOnly: true, organizationTypes: ['university'] })).toBe('no');
  });

  it('gives a reason per criterion', () => {
    const { reasons } = matchPolicy({ ...base, smeOnly: true, regionPath: '/120000/', regionName: '天津市' }, binhaiEnterprise, today);
    expect(reasons.map((r) => [r.criterion, r.met])).toEqual([
      ['region', true],
      ['organization_type', true],
      ['sme', null],
      ['fields', true],
      ['in_force', true],
    ]);
  });
});
