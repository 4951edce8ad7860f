import { Button, Checkbox, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, query } from '../api/client';
import type { CoverageRow, Plan, PlanEntry } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { pillars } from './needs';

const Chart = lazy(() => import('../components/chart'));
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

/** States × pillars, coloured by the share of requested USD that is allocated; then the needs still unmet. */
export function CoverageView() {
  const { t, money, number } = useI18n();
  const coverage = useQuery({
    queryKey: ['coverage'],
    queryFn: () => api<{ items: CoverageRow[] }>('/reports/coverage'),
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.coverage')}</Title>
      <QueryState query={coverage} isEmpty={(d) => d.items.length === 0}>
        {(data) => <CoverageCharts rows={data.items} />}
      </QueryState>
      <QueryState query={coverage}>
        {(data) => (
          <DataTable
            caption={t('coverage.unmet')}
            name="coverage"
            rows={data.items}
            rowKey={(r) => `${r.recipientId}:${r.pillar}`}
            columns={[
              { header: t('field.recipient'), value: (r) => r.recipientId },
              { header: t('field.pillar'), value: (r) => t(`pillar.${r.pillar}` as never) },
              {
                header: t('field.requested'),
                value: (r) => r.usd.requested,
                render: (r) => money(r.usd.requested, 'USD'),
              },
              {
                header: t('field.allocated'),
                value: (r) => r.usd.allocated,
                render: (r) => money(r.usd.allocated, 'USD'),
              },
              {
                header: t('field.delivered'),
                value: (r) => r.usd.delivered,
                render: (r) => money(r.usd.delivered, 'USD'),
              },
              { header: t('coverage.unmet'), value: (r) => r.usd.unmet, render: (r) => money(r.usd.unmet, 'USD') },
              {
                header: t('field.original'),
                value: (r) =>
                  Object.entries(r.byUnit)
                    .map(([u, x]) => `${x.unmet} ${u}`)
                    .join('; '),
                render: (r) =>
                  Object.entries(r.byUnit)
                    .map(([u, x]) => `${money(x.unmet, u)} (${number(Number(x.shareAllocated) * 100, 0)} %)`)
                    .join(' · '),
              },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}

function CoverageCharts({ rows }: { rows: CoverageRow[] }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const states = [...new Set(rows.map((r) => r.recipientId))].sort();
    const share = (r: CoverageRow) => {
      const units = Object.values(r.byUnit);
      return Math.round((100 * units.reduce((s, u) => s + Number(u.shareAllocated), 0)) / Math.max(1, units.length));
    };
    return {
      tooltip: {},
      grid: { left: 160, bottom: 60 },
      xAxis: { type: 'category', data: pillars.map((p) => t(`pillar.${p}`)) },
      yAxis: { type: 'category', data: states },
      visualMap: {
        min: 0,
        max: 100,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#b71c1c', '#fbc02d', '#1b5e20'] },
      },
      series: [
        {
          type: 'heatmap',
          label: { show: true, formatter: '{@[2]} %' },
          data: rows.map((r) => [pillars.indexOf(r.pillar as never), states.indexOf(r.recipientId), share(r)]),
        },
      ],
    };
  }, [rows, t]);
  return (
    <Suspense fallback={null}>
      <Chart option={option} label={t('coverage.title')} name="coverage-heatmap" />
    </Suspense>
  );
}
