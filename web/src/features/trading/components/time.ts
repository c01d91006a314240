import dayjs from 'dayjs';

/** An instant in the reader's time zone to the second: bids and auction ends need the seconds. */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** A day in the reader's time zone. */
export function formatDay(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}
