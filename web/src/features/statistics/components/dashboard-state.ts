import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { StatMeasure, StatSide } from '../../../../../common/api/statistics';

export type AmountMeasure = Extract<StatMeasure, 'contractAmountFen' | 'technologyTransactionAmountFen'>;

/** What the dashboard shows, kept in the URL so a view can be shared: `?region=120104&year=2025&side=absorption&measure=tta`. */
export interface DashboardState {
  region?: string;
  year?: number;
  side: StatSide;
  measure: AmountMeasure;
}

export function useDashboardState(): [DashboardState, (patch: Partial<DashboardState>) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year'));
  const state: DashboardState = {
    region: params.get('region') ?? undefined,
    year: Number.isInteger(year) && year > 1980 ? year : undefined,
    side: params.get('side') === 'absorption' ? 'absorption' : 'output',
    measure: params.get('measure') === 'tta' ? 'technologyTransactionAmountFen' : 'contractAmountFen',
  };
  const update = useCallback(
    (patch: Partial<DashboardState>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
          if ('region' in patch) set('region', patch.region);
          if ('year' in patch) set('year', patch.year ? String(patch.year) : undefined);
          if ('side' in patch) set('side', patch.side === 'absorption' ? 'absorption' : undefined);
          if ('measure' in patch) set('measure', patch.measure === 'technologyTransactionAmountFen' ? 'tta' : undefined);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [state, update];
}
