import { Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../api/client';
import type { Pledge } from '../api/types';
import { Actor } from '../auth/session';
import { CoverageBar } from '../components/coverage-bar';
import { DataTable } from '../components/data-table';
import { ProblemAlert } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { AllocationsView } from './allocations';
import { blank, Draft, draftOf, savePledge } from './pledge-draft';
import { PledgeMatches } from './pledge-matches';
import { pillars, types } from './vocabulary';
import { usePages } from './use-pages';

/** The donor's pledges: submit and revise, ranked matches with the api's reasons, allocate, and its allocations. */
export function PledgesView({ actor }: { actor: Actor }) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const participant = actor.participant!;
  const { rows, more } = usePages<Pledge>('/pledges', { donorId: participant });
  const [editing, setEditing] = useState<{ pledge?: Pledge; draft: Draft } | undefined>();
  const [matching, setMatching] = useState<Pledge | undefined>();
  const save = useMutation({
    mutationFn: ({ pledge, draft }: { pledge?: Pledge; draft: Draft }) => savePledge(participant, draft, pledge),
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
                  onClick={() => (save.reset(), setEditing({ pledge: p, draft: draftOf(p) }))}
                >
                  {t('needs.revise')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {matching && <PledgeMatches pledge={matching} onClose={() => setMatching(undefined)} />}
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
