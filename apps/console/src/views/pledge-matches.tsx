import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { Match, Pledge } from '../api/types';
import { DataTable } from '../components/data-table';
import { ProblemAlert, QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';

/** A pledge's ranked matches with the api's reasons; allocating from one of them. */
export function PledgeMatches({ pledge, onClose }: { pledge: Pledge; onClose: () => void }) {
  const { t, money, number } = useI18n();
  const client = useQueryClient();
  const matches = useQuery({
    queryKey: ['matches', pledge.id],
    queryFn: () => api<{ items: Match[] }>(`/pledges/${pledge.id}/matches`),
  });
  const [amounts, setAmounts] = useState<Record<string, number | string>>({});
  const allocate = useMutation({
    mutationFn: (match: Match) =>
      api('/allocations', {
        method: 'POST',
        body: {
          pledgeId: pledge.id,
          needId: match.needId,
          amount: Number(amounts[match.needId] ?? match.amount.amount),
        },
      }),
    onSuccess: () => (void client.invalidateQueries(), onClose()),
  });
  return (
    <Stack>
      <Title order={2}>{t('pledges.matchesFor', { id: pledge.id.slice(-8) })}</Title>
      <ProblemAlert error={allocate.error} />
      <QueryState query={matches} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <DataTable
            caption={t('pledges.matchesFor', { id: pledge.id.slice(-8) })}
            name={`matches-${pledge.id}`}
            rows={data.items}
            rowKey={(m) => m.needId}
            columns={[
              { header: t('field.recipient'), value: (m) => m.requesterId },
              { header: t('field.pillar'), value: (m) => t(`pillar.${m.pillar}` as never) },
              { header: t('field.priority'), value: (m) => t(`priority.${m.priority}` as never) },
              {
                header: t('field.remaining'),
                value: (m) => `${m.needRemaining.amount} ${m.needRemaining.unit}`,
                render: (m) => money(m.needRemaining.amount, m.needRemaining.unit),
              },
              { header: t('field.score'), value: (m) => m.score, render: (m) => number(m.score, 1) },
              {
                header: t('field.reasons'),
                value: (m) => m.reasons.map((r) => r.detail).join('; '),
                render: (m) => (
                  <Stack gap={0}>
                    {m.reasons.map((r) => (
                      <Text size="xs" key={r.component}>
                        {r.detail}
                      </Text>
                    ))}
                  </Stack>
                ),
              },
              {
                header: t('table.actions'),
                value: () => '',
                render: (m) => (
                  <Group gap="xs" wrap="nowrap">
                    <NumberInput
                      size="xs"
                      w={140}
                      aria-label={`${t('field.amount')} (${m.amount.unit})`}
                      value={amounts[m.needId] ?? m.amount.amount}
                      onChange={(v) => setAmounts({ ...amounts, [m.needId]: v })}
                    />
                    <Button size="xs" onClick={() => allocate.mutate(m)} loading={allocate.isPending}>
                      {t('pledges.allocate')}
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}
