import { Button, Checkbox, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../api/client';
import type { Plan, PlanEntry } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { pillars } from './vocabulary';

const key = (e: PlanEntry) => `${e.needId}:${e.pledgeId}`;
const pollMs = 500;

interface PlanJob {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'cancelled';
  total: number;
  processed: number;
  created: number;
  alreadyApplied: number;
  failed: number;
}

/** The plan for a filter, its coverage summary, and applying the chosen entries as a job with progress. */
export function PlanView() {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const [pillar, setPillar] = useState<string | null>(null);
  const plan = useQuery({ queryKey: ['plan', pillar], queryFn: () => api<Plan>(`/matching/plan${query({ pillar })}`) });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [job, setJob] = useState<
    { done: number; total: number; created: number; already: number; failed: number } | undefined
  >();
  /** One job for the chosen entries (the api applies them in the background); its progress is polled. */
  const apply = async (entries: PlanEntry[]) => {
    setJob({ done: 0, total: entries.length, created: 0, already: 0, failed: 0 });
    const allocations = entries.map(({ needId, pledgeId, amountInPledgeUnit }) => ({
      needId,
      pledgeId,
      amountInPledgeUnit,
    }));
    let status = await api<PlanJob>('/matching/plan/apply', { method: 'POST', body: { allocations } });
    for (;;) {
      setJob({
        done: status.processed,
        total: status.total,
        created: status.created,
        already: status.alreadyApplied,
        failed: status.failed,
      });
      if (status.status === 'completed' || status.status === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      status = await api<PlanJob>(`/matching/plan/jobs/${status.id}`);
    }
    setChosen(new Set());
    void client.invalidateQueries();
  };
  return (
    <Stack>
      <Title order={1}>{t('plan.title')}</Title>
      <Select
        label={t('field.pillar')}
        clearable
        value={pillar}
        onChange={setPillar}
        data={pillars.map((p) => ({ value: p, label: t(`pillar.${p}`) }))}
        w={280}
      />
      <QueryState query={plan}>
        {(data) => {
          const critical = Object.entries(data.coverageByPriority.critical ?? {});
          const selected = data.allocations.filter((e) => chosen.has(key(e)));
          return (
            <Stack>
              <Text>
                {t('plan.critical')}:{' '}
                {critical
                  .map(([unit, c]) => `${money(c.planned.amount, unit)} / ${money(c.requested.amount, unit)}`)
                  .join(' · ') || '—'}
              </Text>
              <Text>
                {t('plan.empty')}: {data.unmetNeeds.length}
              </Text>
              <Group>
                <Button
                  disabled={selected.length === 0 || (job !== undefined && job.done < job.total)}
                  onClick={() => void apply(selected)}
                >
                  {t('plan.apply', { count: selected.length })}
                </Button>
                {job && (
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Progress
                      value={(100 * job.done) / Math.max(1, job.total)}
                      aria-label={t('plan.progress', { done: job.done, total: job.total })}
                    />
                    <Text size="sm" role="status">
                      {t('plan.progress', { done: job.done, total: job.total })} —{' '}
                      {t('plan.done', { created: job.created, already: job.already, failed: job.failed })}
                    </Text>
                  </Stack>
                )}
              </Group>
              <DataTable
                caption={t('plan.title')}
                name="matching-plan"
                rows={data.allocations}
                rowKey={key}
                columns={[
                  {
                    header: t('plan.select'),
                    value: () => '',
                    render: (e) => (
                      <Checkbox
                        aria-label={`${t('plan.select')} ${e.needId.slice(-6)} ← ${e.pledgeId.slice(-6)}`}
                        checked={chosen.has(key(e))}
                        onChange={(ev) => {
                          const next = new Set(chosen);
                          if (ev.currentTarget.checked) next.add(key(e));
                          else next.delete(key(e));
                          setChosen(next);
                        }}
                      />
                    ),
                  },
                  { header: t('field.need'), value: (e) => e.needId },
                  { header: t('field.pledge'), value: (e) => e.pledgeId },
                  {
                    header: t('field.original'),
                    value: (e) => `${e.amountInPledgeUnit.amount} ${e.amountInPledgeUnit.unit}`,
                    render: (e) => money(e.amountInPledgeUnit.amount, e.amountInPledgeUnit.unit),
                  },
                  {
                    header: t('field.usd'),
                    value: (e) => e.valueUsd?.amount ?? '',
                    render: (e) => (e.valueUsd ? money(e.valueUsd.amount, 'USD') : '—'),
                  },
                ]}
              />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
