import { MultiSelect, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, query } from '../api/client';
import type { SupportRow } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';

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
