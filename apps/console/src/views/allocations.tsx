import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Allocation } from '../api/types';
import { Actor } from '../auth/session';
import { DataTable } from '../components/data-table';
import { ProblemAlert } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { usePages } from './use-pages';

/**
 * Allocations from the recipient's side (accept or decline, confirm or dispute each delivery) or from the donor's
 * (record a delivery, see what the recipient confirmed or disputed). The api decides who may do what.
 */
export function AllocationsView({ actor, side }: { actor: Actor; side: 'recipient' | 'donor' }) {
  const { t, money, date } = useI18n();
  const client = useQueryClient();
  const participant = actor.participant!;
  const { rows, more } = usePages<Allocation>(
    '/allocations',
    side === 'recipient' ? { recipientId: participant } : { donorId: participant },
  );
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api(path, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const today = new Date().toISOString().slice(0, 10);
  const title = side === 'recipient' ? t('incoming.title', { participant }) : t('pledges.allocations');
  return (
    <Stack>
      <Title order={side === 'recipient' ? 1 : 2}>{title}</Title>
      <ProblemAlert error={act.error} />
      <DataTable
        caption={title}
        name={`allocations-${participant}`}
        rows={rows}
        rowKey={(a) => a.id}
        onMore={more}
        columns={[
          {
            header: side === 'recipient' ? t('field.donor') : t('field.recipient'),
            value: (a) => (side === 'recipient' ? a.donorId : a.recipientId),
          },
          { header: t('field.pillar'), value: (a) => t(`pillar.${a.pillar}` as never) },
          {
            header: t('field.amount'),
            value: (a) => `${a.amount.amount} ${a.amount.unit}`,
            render: (a) => money(a.amount.amount, a.amount.unit),
          },
          { header: t('field.status'), value: (a) => a.status, render: (a) => <Badge>{a.status}</Badge> },
          {
            header: t('field.delivered'),
            value: (a) => a.deliveries.map((d) => `${d.amount.amount} ${d.amount.unit} ${d.status}`).join('; '),
            render: (a) => (
              <Stack gap={4}>
                {a.deliveries.map((d) => (
                  <Group key={d.id} gap="xs" wrap="nowrap">
                    <span>
                      {money(d.amount.amount, d.amount.unit)} · {date(d.deliveredOn)}
                    </span>
                    <Badge
                      color={
                        d.status === 'confirmed'
                          ? 'teal'
                          : d.status === 'disputed'
                            ? 'red'
                            : d.status === 'withdrawn'
                              ? 'gray'
                              : 'yellow'
                      }
                      data-testid="delivery-status"
                    >
                      {d.status}
                    </Badge>
                    {side === 'recipient' && d.status === 'recorded' && (
                      <>
                        <Button
                          size="xs"
                          onClick={() =>
                            act.mutate({
                              path: `/allocations/${a.id}/deliveries/${d.id}/confirm`,
                              body: { receivedOn: today },
                            })
                          }
                        >
                          {t('incoming.confirm')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() =>
                            act.mutate({
                              path: `/allocations/${a.id}/deliveries/${d.id}/dispute`,
                              body: { reason: 'not received as recorded' },
                            })
                          }
                        >
                          {t('incoming.dispute')}
                        </Button>
                      </>
                    )}
                  </Group>
                ))}
              </Stack>
            ),
          },
          {
            header: t('table.actions'),
            value: () => '',
            render: (a) => (
              <Group gap="xs" wrap="nowrap">
                {side === 'recipient' && a.status === 'proposed' && (
                  <>
                    <Button size="xs" onClick={() => act.mutate({ path: `/allocations/${a.id}/accept`, body: {} })}>
                      {t('incoming.accept')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() =>
                        act.mutate({
                          path: `/allocations/${a.id}/decline`,
                          body: { reason: 'declined in the console' },
                        })
                      }
                    >
                      {t('incoming.decline')}
                    </Button>
                  </>
                )}
                {side === 'donor' && (a.status === 'accepted' || a.status === 'partially_delivered') && (
                  <Button
                    size="xs"
                    onClick={() =>
                      act.mutate({
                        path: `/allocations/${a.id}/deliveries`,
                        body: { amount: remainingOf(a), deliveredOn: today, reference: `console-${today}` },
                      })
                    }
                  >
                    {t('pledges.recordDelivery')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
    </Stack>
  );
}

/** What is still to deliver: the allocation less every delivery not disputed or withdrawn (as the api counts). */
function remainingOf(allocation: Allocation): number {
  const sent = allocation.deliveries
    .filter((d) => d.status !== 'disputed' && d.status !== 'withdrawn')
    .reduce((sum, d) => sum + Math.round(d.amount.amount * 100), 0);
  return (Math.round(allocation.amount.amount * 100) - sent) / 100;
}
