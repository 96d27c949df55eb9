import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ContentCalendarQuery } from '../../gql/graphql';
import { useT } from '../../i18n/locale';
import { useContentScope } from './ContentPage';
import { ContentCalendarDocument, RescheduleContentItemDocument, UpdateContentItemDocument } from './operations';
import { addDays, dayKey, dayOf, monthStart, moveToDay, wallClock, weekStart } from './zoned';

type Entry = ContentCalendarQuery['contentCalendar']['entries'][number];
type View = 'month' | 'week';

const STATUS_COLOR: Record<string, string> = {
  SCHEDULED: 'blue',
  HELD: 'orange',
  PUBLISHING: 'cyan',
  PUBLISHED: 'teal',
  FAILED: 'red',
  NEEDS_REAUTH: 'red',
};

/**
 * Month and week views of the organisation's items and publications across networks, by day in its time zone.
 * An entry dragged to another day keeps its time of day: a publication is rescheduled, an item with nothing
 * scheduled gets a new planned date; the API's refusal is shown above the calendar. Each entry's "Move…" button does the
 * same from the keyboard (a day picked in a dialog), since dragging is out of reach without a mouse.
 */
export function CalendarView() {
  const t = useT();
  const intl = useIntl();
  const { timeZone, context, base } = useContentScope();
  const [view, setView] = useState<View>('month');
  const today = dayOf(Date.now(), timeZone);
  const [anchor, setAnchor] = useState(today);
  const { first, days } = useMemo(() => {
    const start = view === 'week' ? weekStart(anchor) : weekStart(monthStart(anchor));
    return { first: start, days: view === 'week' ? 7 : 42 };
  }, [view, anchor]);
  // A day on each side in UTC covers every offset; entries are then placed by their day in the zone.
  const input = useMemo(
    () => ({ from: new Date(addDays(first, -1)).toISOString(), to: new Date(addDays(first, days + 1)).toISOString() }),
    [first, days],
  );
  const [calendar, refresh] = useQuery({ query: ContentCalendarDocument, variables: { input }, context });
  const [reschedule, rescheduleItem] = useMutation(RescheduleContentItemDocument);
  const [plan, planItem] = useMutation(UpdateContentItemDocument);
  const [moved, setMoved] = useState<string | null>(null);
  const [lastMove, setLastMove] = useState<'publication' | 'item' | null>(null);
  const [over, setOver] = useState<string | null>(null);
  /** The entry being moved from the keyboard, and where focus goes once it moved (the confirmation). */
  const [moving, setMoving] = useState<Entry | null>(null);
  const [movedByKeyboard, setMovedByKeyboard] = useState(false);
  const movedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (moved && movedByKeyboard) movedRef.current?.focus();
  }, [moved, movedByKeyboard]);

  const byDay = useMemo(() => {
    const map = new Map<string, Entry[]>();
    for (const entry of calendar.data?.contentCalendar.entries ?? []) {
      const key = dayKey(dayOf(entry.at, timeZone));
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return map;
  }, [calendar.data, timeZone]);

  const dayLabel = (day: number, style: Intl.DateTimeFormatOptions) => intl.formatDate(day, { ...style, timeZone: 'UTC' });
  const title =
    view === 'month'
      ? dayLabel(monthStart(anchor), { month: 'long', year: 'numeric' })
      : t('content.calendar.weekOf', { day: dayLabel(first, { dateStyle: 'medium' }) });

  /** Moves an entry to `day` at the same time of day; false when the API refused. */
  const move = async (entry: Pick<Entry, 'itemId' | 'publicationId' | 'at'>, day: number): Promise<boolean> => {
    if (dayOf(entry.at, timeZone) === day) return true;
    const at = moveToDay(entry.at, day, timeZone);
    setMoved(null);
    if (entry.publicationId) {
      setLastMove('publication');
      const result = await rescheduleItem({ input: { itemId: entry.itemId, dueAt: at } }, context);
      if (result.error) return false;
    } else {
      setLastMove('item');
      const result = await planItem({ input: { id: entry.itemId, plannedFor: at } }, context);
      if (result.error) return false;
    }
    setMoved(dayLabel(day, { dateStyle: 'full' }));
    refresh();
    return true;
  };

  const drop = async (event: DragEvent, day: number) => {
    event.preventDefault();
    setOver(null);
    const raw = event.dataTransfer.getData('application/x-socle-entry');
    if (!raw) return;
    setMovedByKeyboard(false);
    await move(JSON.parse(raw) as Pick<Entry, 'itemId' | 'publicationId' | 'at'>, day);
  };

  const moveTo = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('day');
    const day = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : NaN;
    if (!moving || Number.isNaN(day)) return;
    setMovedByKeyboard(true);
    if (await move(moving, day)) setMoving(null);
  };
  const startMove = useCallback((entry: Entry) => {
    setMoved(null);
    setMoving(entry);
  }, []);
  const moveError = lastMove === 'publication' ? reschedule.error : lastMove === 'item' ? plan.error : undefined;

  const weekdays = Array.from({ length: 7 }, (_, i) => dayLabel(addDays(first, i), { weekday: 'short' }));
  const entries = calendar.data?.contentCalendar.entries ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button
            variant="default"
            onClick={() => setAnchor(view === 'week' ? addDays(anchor, -7) : monthStart(addDays(monthStart(anchor), -1)))}
          >
            {t('content.calendar.previous')}
          </Button>
          <Button variant="default" onClick={() => setAnchor(today)}>
            {t('content.calendar.today')}
          </Button>
          <Button
            variant="default"
            onClick={() => setAnchor(view === 'week' ? addDays(anchor, 7) : monthStart(addDays(monthStart(anchor), 32)))}
          >
            {t('content.calendar.next')}
          </Button>
          <Title order={3} aria-live="polite">
            {title}
          </Title>
        </Group>
        <Group>
          <SegmentedControl
            aria-label={t('content.calendar.view')}
            value={view}
            onChange={(next) => setView(next as View)}
            data={[
              { value: 'month', label: t('content.calendar.month') },
              { value: 'week', label: t('content.calendar.week') },
            ]}
          />
          <Button component={Link} to={`${base}/items/new`}>
            {t('content.item.new')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('content.calendar.dragHint')}
      </Text>
      <ErrorAlert error={moving ? undefined : moveError} />
      <ErrorAlert error={calendar.error} />
      {moved && (
        <Alert color="teal" role="status" ref={movedRef} tabIndex={-1}>
          {t('content.calendar.moved', { day: moved })}
        </Alert>
      )}
      {calendar.data?.contentCalendar.truncated && <Alert color="yellow">{t('content.calendar.truncated')}</Alert>}
      {calendar.data && entries.length === 0 && <Text>{t('content.calendar.empty')}</Text>}
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4} aria-label={title} role="region">
        {weekdays.map((name) => (
          <Text key={name} fw={600} size="sm" ta="center" aria-hidden="true">
            {name}
          </Text>
        ))}
        {Array.from({ length: days }, (_, i) => {
          const day = addDays(first, i);
          const key = dayKey(day);
          const outside = view === 'month' && new Date(day).getUTCMonth() !== new Date(anchor).getUTCMonth();
          return (
            <Paper
              key={key}
              withBorder
              p={4}
              mih={view === 'week' ? 320 : 110}
              role="group"
              aria-label={dayLabel(day, { dateStyle: 'full' })}
              data-day={key}
              bg={over === key ? 'var(--mantine-color-blue-light)' : outside ? 'var(--mantine-color-gray-0)' : undefined}
              onDragOver={(event) => {
                event.preventDefault();
                setOver(key);
              }}
              onDragLeave={() => setOver((current) => (current === key ? null : current))}
              onDrop={(event) => void drop(event, day)}
            >
              <Text size="xs" fw={day === today ? 700 : 400} c={outside ? 'dimmed' : undefined}>
                {new Date(day).getUTCDate()}
              </Text>
              <Stack gap={2}>
                {(byDay.get(key) ?? []).map((entry) => (
                  <CalendarEntry
                    key={`${entry.itemId}-${entry.publicationId ?? 'planned'}`}
                    entry={entry}
                    timeZone={timeZone}
                    base={base}
                    onMove={startMove}
                  />
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Modal
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={t('content.calendar.moveTitle', { title: moving?.title ?? '' })}
      >
        {moving && (
          <form onSubmit={(event) => void moveTo(event)}>
            <Stack>
              <TextInput
                type="date"
                name="day"
                required
                data-autofocus
                label={t('content.calendar.moveDay')}
                description={t('content.calendar.moveHint', { zone: timeZone })}
                defaultValue={dayKey(dayOf(moving.at, timeZone))}
              />
              <ErrorAlert error={moveError} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMoving(null)}>
                  {t('content.calendar.moveCancel')}
                </Button>
                <Button type="submit" loading={reschedule.fetching || plan.fetching}>
                  {t('content.calendar.moveSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

/**
 * One entry, a component of its own and memoised: defined inside the calendar, it was a new component at each of
 * the calendar's renders, so a day highlighted while dragging remounted every entry of the month (about a second
 * for 500 entries); now the calendar's own changes leave unchanged entries alone.
 */
const CalendarEntry = memo(function CalendarEntry({
  entry,
  timeZone,
  base,
  onMove,
}: {
  entry: Entry;
  timeZone: string;
  base: string;
  onMove: (entry: Entry) => void;
}) {
  const t = useT();
  const time = new Date(wallClock(Date.parse(entry.at), timeZone)).toISOString().slice(11, 16);
  return (
    <Paper
      p={2}
      bg="var(--mantine-color-default-hover)"
      draggable
      data-testid="calendar-entry"
      onDragStart={(event) => {
        event.dataTransfer.setData(
          'application/x-socle-entry',
          JSON.stringify({ itemId: entry.itemId, publicationId: entry.publicationId, at: entry.at }),
        );
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: 'grab' }}
    >
      <Anchor component={Link} to={`${base}/items/${entry.itemId}`} size="xs" fw={500} display="block">
        {time} {entry.title}
      </Anchor>
      <Group gap={2}>
        {entry.network && (
          <Badge size="xs" variant="outline">
            {entry.network}
          </Badge>
        )}
        <Badge size="xs" variant="light" color={STATUS_COLOR[entry.publicationStatus ?? ''] ?? 'gray'}>
          {entry.publicationStatus ? t('content.publication.status', { status: entry.publicationStatus }) : t('content.calendar.planned')}
        </Badge>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('content.calendar.moveLabel', { title: entry.title })}
          onClick={() => onMove(entry)}
        >
          {t('content.calendar.move')}
        </Button>
      </Group>
    </Paper>
  );
});
