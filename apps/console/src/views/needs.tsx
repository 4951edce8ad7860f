import { Badge, Button, Group, Modal, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem } from '../api/client';
import type { Need } from '../api/types';
import { Actor } from '../auth/session';
import { CoverageBar } from '../components/coverage-bar';
import { DataTable } from '../components/data-table';
import { ProblemAlert } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { blank, Draft, draftOf, saveNeed } from './need-draft';
import { usePages } from './use-pages';
import { pillars, priorities, types } from './vocabulary';

/** The affected state's needs with coverage bars; post, revise and withdraw with the server's field errors. */
export function NeedsView({ actor }: { actor: Actor }) {
  const { t, money, date } = useI18n();
  const client = useQueryClient();
  const participant = actor.participant!;
  const { rows, more } = usePages<Need>('/needs', { requesterId: participant });
  const [editing, setEditing] = useState<{ need?: Need; draft: Draft } | undefined>();
  const save = useMutation({
    mutationFn: ({ need, draft }: { need?: Need; draft: Draft }) => saveNeed(participant, draft, need),
    onSuccess: () => (setEditing(undefined), void client.invalidateQueries()),
  });
  const withdraw = useMutation({
    mutationFn: (need: Need) =>
      api(`/needs/${need.id}/withdraw`, { method: 'POST', body: { reason: 'withdrawn in the console' } }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const problem = save.error as ApiProblem | null;
  const field = (name: string) => problem?.fieldError?.(name);
  const set = (patch: Partial<Draft>) =>
    setEditing((current) => current && { ...current, draft: { ...current.draft, ...patch } });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('needs.title', { participant })}</Title>
        <Button onClick={() => (save.reset(), setEditing({ draft: blank }))}>{t('needs.post')}</Button>
      </Group>
      <ProblemAlert error={withdraw.error} />
      <DataTable
        caption={t('needs.title', { participant })}
        name={`needs-${participant}`}
        rows={rows}
        rowKey={(need) => need.id}
        onMore={more}
        columns={[
          { header: t('field.title'), value: (n) => n.title },
          { header: t('field.pillar'), value: (n) => t(`pillar.${n.pillar}` as never) },
          { header: t('field.priority'), value: (n) => t(`priority.${n.priority}` as never) },
          { header: t('field.neededBy'), value: (n) => (n.neededBy ? date(n.neededBy) : '') },
          {
            header: t('field.status'),
            value: (n) => n.status,
            render: (n) => <Badge variant="light">{n.status}</Badge>,
          },
          {
            header: t('field.requested'),
            value: (n) => `${n.quantity.amount} ${n.quantity.unit}`,
            render: (n) => money(n.quantity.amount, n.quantity.unit),
          },
          {
            header: t('field.coverage'),
            value: (n) => `${n.allocated.amount}/${n.delivered.amount}/${n.remaining.amount}`,
            render: (n) => <CoverageBar quantity={n.quantity} allocated={n.allocated} delivered={n.delivered} />,
          },
          {
            header: t('table.actions'),
            value: () => '',
            render: (n) =>
              n.status === 'fulfilled' || n.status === 'withdrawn' ? null : (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={`${t('needs.revise')}: ${n.title}`}
                    onClick={() => (save.reset(), setEditing({ need: n, draft: draftOf(n) }))}
                  >
                    {t('needs.revise')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={`${t('needs.withdraw')}: ${n.title}`}
                    onClick={() => withdraw.mutate(n)}
                  >
                    {t('needs.withdraw')}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        closeButtonProps={{ 'aria-label': t('app.close') }}
        title={editing?.need ? t('needs.revise') : t('needs.post')}
      >
        {editing && (
          <form onSubmit={(event) => (event.preventDefault(), save.mutate(editing))}>
            <Stack>
              {problem && !problem.errors.length && <ProblemAlert error={problem} />}
              <TextInput
                label={t('field.title')}
                value={editing.draft.title}
                disabled={!!editing.need}
                onChange={(e) => set({ title: e.currentTarget.value })}
                error={field('title')}
              />
              <Select
                label={t('field.pillar')}
                value={editing.draft.pillar}
                disabled={!!editing.need}
                data={pillars.map((p) => ({ value: p, label: t(`pillar.${p}`) }))}
                onChange={(v) => v && set({ pillar: v })}
                error={field('pillar')}
                allowDeselect={false}
              />
              <Select
                label={t('field.type')}
                value={editing.draft.assistanceType}
                disabled={!!editing.need}
                data={types.map((p) => ({ value: p, label: t(`type.${p}`) }))}
                onChange={(v) => v && set({ assistanceType: v })}
                error={field('assistanceType')}
                allowDeselect={false}
              />
              <TextInput
                label={t('field.category')}
                value={editing.draft.category}
                disabled={!!editing.need}
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
                  disabled={!!editing.need}
                  onChange={(e) => set({ unit: e.currentTarget.value })}
                  error={field('quantity.unit')}
                />
              </Group>
              <Select
                label={t('field.priority')}
                value={editing.draft.priority}
                data={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                onChange={(v) => v && set({ priority: v })}
                error={field('priority')}
                allowDeselect={false}
              />
              <TextInput
                type="date"
                label={t('field.neededBy')}
                value={editing.draft.neededBy}
                onChange={(e) => set({ neededBy: e.currentTarget.value })}
                error={field('neededBy')}
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
