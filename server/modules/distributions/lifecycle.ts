import type { DistributionStatus, DistributionTransition } from '../../../common/api/distributions.js';

/** staff: the organisation's TTO (distribution:manage); approver: its approver (distribution:approve), never the maker. */
export type DistributionParty = 'staff' | 'approver';

export const DISTRIBUTION_TRANSITION_TABLE: Record<
  DistributionTransition,
  { from: readonly DistributionStatus[]; to: DistributionStatus; by: DistributionParty }
> = {
  submit: { from: ['draft'], to: 'submitted', by: 'staff' },
  return: { from: ['submitted'], to: 'draft', by: 'approver' },
  approve: { from: ['submitted'], to: 'approved', by: 'approver' },
  pay: { from: ['approved'], to: 'paid', by: 'staff' },
  cancel: { from: ['draft', 'submitted'], to: 'cancelled', by: 'staff' },
};

export const EDITABLE: readonly DistributionStatus[] = ['draft'];
