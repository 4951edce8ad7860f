import { Badge, Button, Group, Slider, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { AuditEvent, StreamEvent } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { usePages } from './use-pages';

/** The audit log: every event by stream, actor and time, filtered; a row opens its record. */
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
