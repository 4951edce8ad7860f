import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem } from '../api/client';
import type { Match, Pledge } from '../api/types';
import { Actor } from '../auth/session';
import { CoverageBar } from '../components/coverage-bar';
import { DataTable } from '../components/data-table';
import { ProblemAlert, QueryState } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { AllocationsView } from './allocations';
import { pillars, types } from './needs';
import { usePages } from './use-pages';

interface Draft {
  assistanceType: string;
  pillars: string[];
  category: string;
  amount: number | string;
  unit: string;
  recipientId: string;
  validUntil: string;
}

const blank: Draft = {
  assistanceType: 'financial',
  pillars: ['clearance'],
  category: '',
  amount: '',
  unit: 'USD',
  recipientId: '',
  validUntil: '',
};

/** The donor's pledges: submit and revise, ranked matches with the api's reasons, allocate, and its allocations. */
export function PledgesView({ actor }: { actor: Actor }) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const participant = actor.participant!;
  const { rows, more } = usePages<Pledge>('/pledges', { donorId: participant });
  const [editing, setEditing] = useState<{ pledge?: Pledge; draft: Draft } | undefined>();
  const [matching, setMatching] = useState<Pledge | undefined>();
  const save = useMutation({
    mutationFn: ({ pledge, draft }: { pledge?: Pledge; draft: Draft }) => {
      const quantity = { amount: Number(draft.amount), unit: draft.unit };
      if (pledge)
        return api(`/pledges/${pledge.id}`, {
          method: 'PATCH',
          body: { quantity, ...(draft.validUntil && { validUntil: draft.validUntil }) },
        });
      return api('/pledges', {
        method: 'POST',
        body: {
          donorId: participant,
          assistanceType: draft.assistanceType,
          pillars: draft.pillars,
          quantity,
          ...(draft.category && { category: draft.category }),
          ...(draft.recipientId && { recipientId: draft.recipientId }),
          ...(draft.validUntil && { validUntil: draft.validUntil }),
        },
      });
    },
    onSuccess: () => (setEditing(undefined), void client.invalidateQueries()),
  });
  const problem = save.error as ApiProblem | null;
  const field = (name: string) => problem?.fieldError?.(name);
  const set = (patch: Partial<Draft>) =>
    setEditing((current) => current && { ...current, draft: { ...current.draft, ...patch } });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('pledges.title', { participant })}</Title>
        <Button onClick={() => (save.reset(), setEditing({ draft: blank }))}>{t('pledges.submit')}</Button>
      </Group>
      <DataTable
        caption={t('pledges.title', { participant })}
        name={`pledges-${participant}`}
        rows={rows}
        rowKey={(p) => p.id}
        onMore={more}
        columns={[
          { header: t('field.type'), value: (p) => t(`type.${p.assistanceType}` as never) },
          { header: t('field.pillars'), value: (p) => p.pillars.map((x) => t(`pillar.${x}` as never)).join(', ') },
          { header: t('field.category'), value: (p) => p.category ?? '' },
          {
            header: t('field.amount'),
            value: (p) => `${p.quantity.amount} ${p.quantity.unit}`,
            render: (p) => money(p.quantity.amount, p.quantity.unit),
          },
          {
            header: t('field.status'),
            value: (p) => p.status,
            render: (p) => <Badge variant="light">{p.status}</Badge>,
          },
          {
            header: t('field.coverage'),
            value: (p) => `${p.allocated.amount}/${p.delivered.amount}`,
            render: (p) => <CoverageBar quantity={p.quantity} allocated={p.allocated} delivered={p.delivered} />,
          },
          {
            header: t('table.actions'),
            value: () => '',
            render: (p) => (
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" onClick={() => setMatching(p)} disabled={p.remaining.amount <= 0}>
                  {t('pledges.matches')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => (
                    save.reset(),
                    setEditing({
                      pledge: p,
                      draft: {
                        ...blank,
                        ...p,
                        category: p.category ?? '',
                        recipientId: p.recipientId ?? '',
                        amount: p.quantity.amount,
                        unit: p.quantity.unit,
                        validUntil: p.validUntil ?? '',
                      },
                    })
                  )}
                >
                  {t('needs.revise')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {matching && <Matches pledge={matching} onClose={() => setMatching(undefined)} />}
      <AllocationsView actor={actor} side="donor" />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        closeButtonProps={{ 'aria-label': t('app.close') }}
        title={editing?.pledge ? t('needs.revise') : t('pledges.submit')}
      >
        {editing && (
          <form onSubmit={(event) => (event.preventDefault(), save.mutate(editing))}>
            <Stack>
              {problem && !problem.errors.length && <ProblemAlert error={problem} />}
              <Select
                label={t('field.type')}
                value={editing.draft.assistanceType}
                disabled={!!editing.pledge}
                data={types.map((x) => ({ value: x, label: t(`type.${x}`) }))}
                onChange={(v) => v && set({ assistanceType: v })}
                allowDeselect={false}
                error={field('assistanceType')}
              />
              <MultiSelect
                label={t('field.pillars')}
                value={editing.draft.pillars}
                disabled={!!editing.pledge}
                data={pillars.map((x) => ({ value: x, label: t(`pillar.${x}`) }))}
                onChange={(v) => set({ pillars: v })}
                error={field('pillars')}
              />
              <TextInput
                label={t('field.category')}
                value={editing.draft.category}
                disabled={!!editing.pledge}
                onChange={(e) => set({ category: e.currentTarget.value })}
                error={field('category')}
              />
              <Group grow>
                <NumberInput
                  label={t('field.amount')}
                  value={editing.draft.amount}
                  onChange={(v) => set({ amount: v })}
                  error={field('quantity.amount') ?? field('quantity')}
                />
                <TextInput
                  label={t('field.unit')}
                  value={editing.draft.unit}
                  disabled={!!editing.pledge}
                  onChange={(e) => set({ unit: e.currentTarget.value })}
                  error={field('quantity.unit')}
                />
              </Group>
              <TextInput
                label={t('field.recipient')}
                value={editing.draft.recipientId}
                disabled={!!editing.pledge}
                onChange={(e) => set({ recipientId: e.currentTarget.value.toUpperCase() })}
                error={field('recipientId')}
              />
              <Button type="submit" loading={save.isPending}>
                {t('needs.save')}
              </Button>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

function Matches({ pledge, onClose }: { pledge: Pledge; onClose: () => void }) {
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
