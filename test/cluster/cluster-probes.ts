import { apiClient } from '../support/api-client';
import { waitFor } from '../support/processes';
import { describeGroups, GroupView, partitionsOf } from './cluster-state';
import type { ClusterSystem } from './cluster-system';
import type { CommandLoad } from './command-load';

/** What the cluster proof waits for between faults: projection groups, in-sync replicas, the whole path. */

/** Every group is stable with `members` members, each owning partitions, the three partitions all owned. */
export const groupsHealthy = (groups: GroupView[], groupIds: readonly string[], members: number) =>
  groups.length === groupIds.length &&
  groups.every(
    (g) =>
      g.state === 'Stable' &&
      g.members.length === members &&
      g.members.every((m) => m.partitions.length > 0) &&
      g.members.reduce((n, m) => n + m.partitions.length, 0) === 3,
  );

/** Waits until two members share the partitions of every group, and answers the groups. */
export const sharedGroups = (brokers: string, groupIds: string[], what: string) =>
  waitFor(
    async () => {
      const groups = await describeGroups(brokers, groupIds);
      return groupsHealthy(groups, groupIds, 2) ? groups : undefined;
    },
    what,
    // After a broker restart the group coordinators move and every group rebalances again; on a loaded 2-core
    // machine the last groups settled only after about three minutes.
    300_000,
  );

/** The three partitions of `topic` each have three replicas in sync. */
export const fullIsr = async (brokers: string, topic: string) => {
  const partitions = await partitionsOf(brokers, [topic]).catch(() => []);
  return partitions.length === 3 && partitions.every((p) => p.isr.length === 3) ? true : undefined;
};

/**
 * A need posted after the fault, and the time since `since` until a query answers it: the path api → relay → Kafka →
 * projector. The probe need joins the load's accepted commands, so the final check counts it too.
 */
export async function endToEndProbe(
  system: ClusterSystem,
  load: CommandLoad,
): Promise<(since: number) => Promise<number>> {
  const api = apiClient(`http://127.0.0.1:${system.byName('api-1').port}`);
  const token = await api.token('coordinator');
  return async (since) => {
    const posted = await api.send('POST', '/needs', {
      token,
      body: {
        requesterId: 'LAO',
        pillar: 'clearance',
        assistanceType: 'material',
        category: 'metal_detectors',
        title: 'cluster proof probe',
        quantity: { amount: 1, unit: 'items' },
        priority: 'low',
      },
    });
    expect(posted.status).toBe(201);
    load.accepted.push({ streamId: `need-${String(posted.body.id)}`, version: 1, api: 'probe' });
    await waitFor(
      async () => (await api.send('GET', `/needs/${String(posted.body.id)}`, { token })).status === 200 || undefined,
      'the probe need in the read model',
      240_000,
      () => system.apps.map((app) => `--- ${app.name}\n${app.process.output().slice(-1_500)}`).join('\n'),
    );
    return Date.now() - since;
  };
}

/** Which process holds which partitions: each app's Kafka client id starts with its name (KAFKA_CLIENT_ID). */
export const holders = (groups: GroupView[], groupId: string) =>
  groups
    .find((g) => g.groupId === groupId)!
    .members.map(
      (m) =>
        `${m.clientId.split('-').slice(0, 2).join('-')} ${m.partitions.map((p) => p.slice(p.indexOf('[') + 1, -1)).join(',')}`,
    )
    .sort();
