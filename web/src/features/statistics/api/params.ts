import type { BreakdownDimension, StatMeasure, StatSide } from '../../../../../common/api/statistics';

/** Query parameters of the statistics routes as the client sends them (schemas: common/api/statistics.ts). */
export interface StatsQueryParams {
  region?: string;
  side?: StatSide;
  year?: number;
  month?: number;
}

export interface TrendQueryParams {
  region?: string;
  side?: StatSide;
  from?: number;
  to?: number;
  granularity?: 'year' | 'month';
}

export interface BreakdownQueryParams extends StatsQueryParams {
  dimension: BreakdownDimension;
}

export interface FlowsQueryParams {
  region?: string;
  year?: number;
}

export interface TopQueryParams extends StatsQueryParams {
  kind?: 'organization' | 'broker';
  by?: StatMeasure;
  limit?: number;
  offset?: number;
}
