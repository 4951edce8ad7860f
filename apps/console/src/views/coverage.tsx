import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { api } from '../api/client';
import type { CoverageRow } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { pillars } from './vocabulary';

const Chart = lazy(() => import('../components/chart'));

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
