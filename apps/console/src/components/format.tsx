import { useIntl } from 'react-intl';

/** A date in the organisation's own time zone (never the browser's), in the reader's language. */
export function OrgDate({ value, timeZone }: { value: string; timeZone: string | undefined }) {
  const intl = useIntl();
  return <time dateTime={value}>{intl.formatDate(value, { dateStyle: 'medium', timeZone })}</time>;
}

/** A date and time in the organisation's time zone (never the browser's); a dash when there is none. */
export function OrgDateTime({ value, timeZone }: { value: string | null | undefined; timeZone: string | undefined }) {
  const intl = useIntl();
  if (!value) return <>—</>;
  return <time dateTime={value}>{intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short', timeZone })}</time>;
}

export function useScore(): (value: number | null | undefined) => string {
  const intl = useIntl();
  return (value) => (value === null || value === undefined ? '—' : intl.formatNumber(value, { maximumFractionDigits: 1 }));
}
