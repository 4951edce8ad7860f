import { Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { Article7Row } from '../api/types';
import { DataTable } from '../components/data-table';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';

/** The Article 7 transparency report of one State for one year, as the analyst reads it before it is submitted. */
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
