import { flowsOf, type FlowKind } from './flows';
import type { ReportAllocation, ReportParticipant, ReportPledge } from './report-input';
import { totalOf, type AmountTotal } from './totals';

/** Art. 4(4): a former user State and a State where it used cluster munitions, with what it gave that State. */
export type FormerUserRow = {
  donorId: string;
  donorName: string;
  recipientId: string;
  recipientName: string;
} & Record<FlowKind, AmountTotal>;

/**
 * For every participant that used cluster munitions in another State (`usedClusterMunitionsIn`), one row per such
 * State with the assistance it pledged (targeted pledges), committed and delivered to it; zero rows included, since
 * an absence of assistance is what Art. 4(4) asks about.
 */
export function formerUsersReport(input: {
  pledges: readonly ReportPledge[];
  allocations: readonly ReportAllocation[];
  participants: readonly ReportParticipant[];
}): FormerUserRow[] {
  const names = new Map(input.participants.map((p) => [p.id, p.name]));
  const flows = flowsOf(input);
  return input.participants
    .flatMap((user) => (user.usedClusterMunitionsIn ?? []).map((recipientId) => ({ user, recipientId })))
    .sort((a, b) => a.user.id.localeCompare(b.user.id) || a.recipientId.localeCompare(b.recipientId))
    .map(({ user, recipientId }) => {
      const between = flows.filter((flow) => flow.donorId === user.id && flow.recipientId === recipientId);
      return {
        donorId: user.id,
        donorName: user.name,
        recipientId,
        recipientName: names.get(recipientId) ?? recipientId,
        pledged: totalOf(between.filter((flow) => flow.kind === 'pledged')),
        committed: totalOf(between.filter((flow) => flow.kind === 'committed')),
        delivered: totalOf(between.filter((flow) => flow.kind === 'delivered')),
      };
    });
}
