import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  Slider,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, query } from '../api/client';
import type { Article7Row, AuditEvent, StreamEvent, SupportRow } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { usePages } from './use-pages';

const Chart = lazy(() => import('../components/chart'));
const SupportMap = lazy(() => import('../components/support-map'));
const dimensions = ['donor', 'recipient', 'pillar', 'year', 'assistanceType'] as const;

/** Support grouped as the analyst asks, USD beside the original currencies, as chart, table and map. */
export function SupportView() {
  const { t, money } = useI18n();
  const [groupBy, setGroupBy] = useState<string[]>(['donor', 'year']);
  const support = useQuery({
    queryKey: ['support', groupBy],
    queryFn: () => api<{ items: SupportRow[] }>(`/reports/support${query({ groupBy: groupBy.join(',') })}`),
    enabled: groupBy.length > 0,
  });
  const byRecipient = useQuery({
    queryKey: ['support', 'recipient'],
    queryFn: () => api<{ items: SupportRow[] }>('/reports/support?groupBy=recipient'),
  });
  const label = (row: SupportRow) => groupBy.map((g) => String(row[g as keyof SupportRow] ?? '')).join(' · ');
  const original = (totals: SupportRow['pledged']) =>
    Object.entries(totals.byUnit)
      .map(([unit, amount]) => money(amount, unit))
      .join(' + ');
  return (
    <Stack>
      <Title order={1}>{t('support.title', { groupBy: groupBy.join(', ') })}</Title>
      <MultiSelect
        label={t('support.groupBy')}
        value={groupBy}
        onChange={setGroupBy}
        data={dimensions.map((d) => ({ value: d, label: d }))}
        w={420}
      />
      <QueryState query={support} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack>
            <Suspense fallback={null}>
              <Chart
                name="support"
                label={t('support.title', { groupBy: groupBy.join(', ') })}
                option={{
                  tooltip: {},
                  legend: {},
                  grid: { left: 120 },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', data: data.items.map(label) },
                  series: [
                    { name: t('support.pledged'), type: 'bar', data: data.items.map((r) => Number(r.pledged.usd)) },
                    { name: t('support.committed'), type: 'bar', data: data.items.map((r) => Number(r.committed.usd)) },
                    {
                      name: t('support.deliveredUsd'),
                      type: 'bar',
                      data: data.items.map((r) => Number(r.delivered.usd)),
                    },
                  ],
                }}
              />
            </Suspense>
            <DataTable
              caption={t('support.title', { groupBy: groupBy.join(', ') })}
              name={`support-by-${groupBy.join('-')}`}
              rows={data.items}
              rowKey={label}
              columns={[
                ...groupBy.map((g) => ({
                  header: g,
                  value: (r: SupportRow) => String(r[g as keyof SupportRow] ?? ''),
                })),
                {
                  header: t('support.pledged'),
                  value: (r) => r.pledged.usd,
                  render: (r) => money(r.pledged.usd, 'USD'),
                },
                {
                  header: `${t('support.pledged')} — ${t('field.original')}`,
                  value: (r) =>
                    Object.entries(r.pledged.byUnit)
                      .map(([u, a]) => `${a} ${u}`)
                      .join('; '),
                  render: (r) => original(r.pledged),
                },
                {
                  header: t('support.committed'),
                  value: (r) => r.committed.usd,
                  render: (r) => money(r.committed.usd, 'USD'),
                },
                {
                  header: t('support.deliveredUsd'),
                  value: (r) => r.delivered.usd,
                  render: (r) => money(r.delivered.usd, 'USD'),
                },
                {
                  header: `${t('support.deliveredUsd')} — ${t('field.original')}`,
                  value: (r) =>
                    Object.entries(r.delivered.byUnit)
                      .map(([u, a]) => `${a} ${u}`)
                      .join('; '),
                  render: (r) => original(r.delivered),
                },
              ]}
            />
          </Stack>
        )}
      </QueryState>
      <Title order={2}>{t('support.map')}</Title>
      <QueryState query={byRecipient}>
        {(data) => (
          <Suspense fallback={null}>
            <SupportMap
              values={Object.fromEntries(
                data.items.map((r) => [r.recipient ?? '', Number(r.delivered.usd) + Number(r.committed.usd)]),
              )}
              label={t('support.map')}
            />
          </Suspense>
        )}
      </QueryState>
    </Stack>
  );
}

export function Article7View() {
  const { t, money, date } = useI18n();
  const [participant, setParticipant] = useState('LAO');
  const [year, setYear] = useState(String(new Date().getUTCFullYear() - 1));
  const report = useQuery({
    queryKey: ['article7', participant, year],
    queryFn: () => api<{ rows: Article7Row[] }>(`/reports/article7/${participant}?year=${year}`),
    enabled: /^[A-Z]{2,}$/.test(participant),
  });
  return (
    <Stack>
      <Title order={1}>{t('article7.title')}</Title>
      <Group>
        <TextInput
          label={t('article7.participant')}
          value={participant}
          onChange={(e) => setParticipant(e.currentTarget.value.toUpperCase())}
        />
        <Select
          label={t('field.year')}
          value={year}
          onChange={(v) => v && setYear(v)}
          data={Array.from({ length: 8 }, (_, i) => String(new Date().getUTCFullYear() - i))}
          allowDeselect={false}
        />
      </Group>
      <QueryState query={report} isEmpty={(d) => d.rows.length === 0}>
        {(data) => (
          <DataTable
            caption={`${t('article7.title')} ${participant} ${year}`}
            name={`article7-${participant}-${year}`}
            rows={data.rows}
            rowKey={(r) => `${r.kind}:${r.date}:${r.counterpartId}:${r.amount}`}
            columns={[
              { header: t('field.direction'), value: (r) => r.direction },
              { header: t('field.status'), value: (r) => r.kind },
              { header: t('field.date'), value: (r) => r.date, render: (r) => date(r.date) },
              { header: t('field.counterpart'), value: (r) => r.counterpartName },
              { header: t('field.pillar'), value: (r) => t(`pillar.${r.pillar}` as never) },
              {
                header: t('field.original'),
                value: (r) => `${r.amount} ${r.unit}`,
                render: (r) => money(r.amount, r.unit),
              },
              { header: t('field.usd'), value: (r) => r.usd ?? '', render: (r) => (r.usd ? money(r.usd, 'USD') : '—') },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}

export function AuditView({ open }: { open: (streamId: string) => void }) {
  const { t, dateTime } = useI18n();
  const [filters, setFilters] = useState({ type: '', participant: '' });
  const [applied, setApplied] = useState(filters);
  const { result, rows, more } = usePages<AuditEvent>('/audit/events', applied);
  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <form onSubmit={(e) => (e.preventDefault(), setApplied(filters))}>
        <Group align="end">
          <TextInput
            label={t('audit.type')}
            value={filters.type}
            onChange={(e) => setFilters({ ...filters, type: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.participant')}
            value={filters.participant}
            onChange={(e) => setFilters({ ...filters, participant: e.currentTarget.value.toUpperCase() })}
          />
          <Button type="submit">{t('audit.search')}</Button>
        </Group>
      </form>
      <QueryState query={result} isEmpty={() => rows.length === 0}>
        {() => (
          <DataTable
            caption={t('audit.title')}
            name="audit-events"
            rows={rows}
            rowKey={(e) => e.eventId}
            onMore={more}
            columns={[
              { header: t('field.recordedAt'), value: (e) => e.recordedAt, render: (e) => dateTime(e.recordedAt) },
              { header: t('field.event'), value: (e) => e.type },
              { header: t('field.actor'), value: (e) => `${e.actor.role} ${e.actor.participantId ?? e.actor.sub}` },
              {
                header: 'stream',
                value: (e) => e.streamId,
                render: (e) => (
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => open(e.streamId)}
                    aria-label={`${t('audit.open')} ${e.streamId}`}
                  >
                    {e.streamId}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** One record: its events with actor and time, a slider over its history (state?at=) and the hash-chain badge. */
export function RecordView({ streamId }: { streamId: string }) {
  const { t, dateTime } = useI18n();
  const events = useQuery({
    queryKey: ['events', streamId],
    queryFn: () => api<{ items: StreamEvent[] }>(`/audit/streams/${streamId}/events?limit=500`),
  });
  const verify = useQuery({
    queryKey: ['verify', streamId],
    queryFn: () => api<{ ok: boolean }>(`/audit/streams/${streamId}/verify`),
  });
  const [index, setIndex] = useState<number | undefined>();
  const items = useMemo(() => events.data?.items ?? [], [events.data]);
  const at = items[index ?? items.length - 1]?.recordedAt;
  const state = useQuery({
    queryKey: ['state', streamId, at],
    queryFn: () =>
      api<{ state: unknown; version: number }>(`/audit/streams/${streamId}/state?at=${encodeURIComponent(at!)}`),
    enabled: at !== undefined,
  });
  const valid = verify.data?.ok;
  return (
    <Stack>
      <Group>
        <Title order={1}>{t('record.title', { id: streamId })}</Title>
        <Badge size="lg" color={verify.isPending ? 'gray.8' : valid ? 'teal.9' : 'red.9'} data-testid="verify-badge">
          {verify.isPending ? t('record.verifying') : valid ? t('record.verified') : t('record.broken')}
        </Badge>
      </Group>
      <QueryState query={events} isEmpty={(d) => d.items.length === 0}>
        {() => (
          <Stack>
            <Title order={2}>{t('record.timeline')}</Title>
            <Timeline active={index ?? items.length - 1} bulletSize={18}>
              {items.map((e) => (
                <Timeline.Item key={e.eventId} title={e.type}>
                  <Text size="sm">
                    {dateTime(e.recordedAt)} · {e.metadata.actor.role}{' '}
                    {e.metadata.actor.participantId ?? e.metadata.actor.sub}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
            {items.length > 1 && (
              <div>
                <Text id="moment-label" size="sm">
                  {t('record.moment')}
                </Text>
                <Slider
                  aria-labelledby="moment-label"
                  thumbLabel={t('record.moment')}
                  min={0}
                  max={items.length - 1}
                  step={1}
                  value={index ?? items.length - 1}
                  onChange={setIndex}
                  label={(i) => items[i]?.type}
                />
              </div>
            )}
            {at && <Text fw={600}>{t('record.asOf', { time: dateTime(at) })}</Text>}
            <QueryState query={state}>
              {(s) => (
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }} data-testid="state-at">
                  {JSON.stringify(s.state, null, 2)}
                </pre>
              )}
            </QueryState>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
