import { minInsyncReplicasFor, streamTopics, topicFor } from '@cm/messaging';
import { consumerGroupOf, initialAliasOf, projectionSetNames } from '@cm/read-models';
import { waitFor } from '../support/processes';
import {
  endToEndProbe,
  fullIsr as fullIsrOf,
  groupsHealthy,
  holders,
  sharedGroups as sharedGroupsOf,
} from './cluster-probes';
import { askCluster, describeGroups, GroupView, leaseHeld, partitionsOf, table } from './cluster-state';
import { ClusterSystem, progress, Recovery, recoveryTable, seconds } from './cluster-system';
import { CommandLoad } from './command-load';
import { checkEverythingOnce, Verdict } from './read-model-check';

/**
 * Issue 14 item 3: three Kafka brokers (KRaft, three voters), replication 3 and min.insync.replicas 2, two apis, two
 * projectors in each projection group, two relays sharing the lease, under a steady HTTP command load. Four faults in
 * turn, each SIGKILL then an operator's restart or replacement. Afterwards nothing accepted is lost or duplicated.
 */
describe('a three-broker cluster with two of every app, under faults', () => {
  const system = new ClusterSystem();
  const recoveries: Recovery[] = [];
  const groupIds = projectionSetNames.map((set) => consumerGroupOf(initialAliasOf(set).groupId, ''));

  beforeAll(() => system.start());
  afterAll(() => system.stop());

  it('creates the event topics with replication 3 and min.insync.replicas 2', async () => {
    const { cluster } = system;
    const topics = Object.keys(streamTopics).map((type) => topicFor(type as keyof typeof streamTopics));
    const partitions = await waitFor(async () => {
      const found = await partitionsOf(cluster.brokers, topics).catch(() => []);
      return found.length === topics.length * 3 ? found : undefined;
    }, 'the event topics');
    expect(partitions.every((p) => p.replicas.length === 3 && p.isr.length === 3)).toBe(true);
    const configs = await askCluster(cluster.brokers, (admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: 2, name, configNames: ['min.insync.replicas'] })),
      }),
    );
    for (const resource of configs.resources) {
      expect(resource.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue).toBe(
        String(minInsyncReplicasFor(3)),
      );
    }
  });

  it('loses and duplicates nothing through four faults, and recovers from each', async () => {
    const { byName, cluster, db, live, startNamed } = system;
    const needsTopic = topicFor('need');
    const sharedGroups = (what: string) => sharedGroupsOf(cluster.brokers, groupIds, what);
    await sharedGroups('every projection group to have two members sharing the partitions');
    progress('every projection group has two members; starting the command load on both apis');
    const load = new CommandLoad([
      `http://127.0.0.1:${byName('api-1').port}`,
      `http://127.0.0.1:${byName('api-2').port}`,
    ]);
    await load.start();
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    const endToEnd = await endToEndProbe(system, load);
    const fullIsr = () => fullIsrOf(cluster.brokers, needsTopic);

    // 1. The active KRaft controller.
    const controller = await waitFor(async () => cluster.activeController(), 'an active controller');
    progress(`fault 1: SIGKILL the active controller, node ${controller.id} (epoch ${controller.epoch})`);
    let killedAt = Date.now();
    await cluster.kill(controller.id);
    const elected = await waitFor(async () => {
      const now = cluster.activeController();
      return now && now.id !== controller.id && now.epoch > controller.epoch ? now : undefined;
    }, 'a new controller');
    const electedMs = Date.now() - killedAt;
    let endToEndMs = await endToEnd(killedAt);
    progress(`  node ${elected.id} is controller after ${seconds(electedMs)}; end to end in ${seconds(endToEndMs)}`);
    cluster.startNode(controller.id);
    await waitFor(fullIsr, `node ${controller.id} back in every ISR`, 300_000, () =>
      cluster.describeNode(controller.id),
    );
    recoveries.push({
      fault: `active controller (node ${controller.id})`,
      detected: `node ${elected.id} elected`,
      detectedMs: electedMs,
      endToEndMs,
      repairedMs: Date.now() - killedAt,
    });
    progress(`  node ${controller.id} restarted and back in every ISR after ${seconds(Date.now() - killedAt)}`);

    // 2. The leader of a partition of the needs topic, on another node than the active controller (a second fault).
    const partitions = await partitionsOf(cluster.brokers, [needsTopic]);
    const current = cluster.activeController()?.id;
    const target = partitions.find((p) => p.leader !== current) ?? partitions[0];
    progress(`fault 2: SIGKILL node ${target.leader}, leader of ${needsTopic}[${target.partition}]`);
    killedAt = Date.now();
    await cluster.kill(target.leader);
    const newLeader = await waitFor(async () => {
      const now = (await partitionsOf(cluster.brokers, [needsTopic])).find((p) => p.partition === target.partition);
      return now && now.leader !== target.leader && now.leader >= 0 ? now.leader : undefined;
    }, 'a new partition leader');
    const leaderMs = Date.now() - killedAt;
    endToEndMs = await endToEnd(killedAt);
    progress(`  node ${newLeader} leads after ${seconds(leaderMs)}; end to end in ${seconds(endToEndMs)}`);
    cluster.startNode(target.leader);
    await waitFor(fullIsr, `node ${target.leader} back in every ISR`, 300_000, () =>
      cluster.describeNode(target.leader),
    );
    recoveries.push({
      fault: `partition leader ${needsTopic}[${target.partition}] (node ${target.leader})`,
      detected: `node ${newLeader} leads`,
      detectedMs: leaderMs,
      endToEndMs,
      repairedMs: Date.now() - killedAt,
    });

    // 3. One projector: the group coordinator must hand its partitions to the other member of every group.
    const groupsBefore = await sharedGroups('both projectors in every group again after the broker faults');
    progress('fault 3: SIGKILL projector-1');
    killedAt = Date.now();
    await byName('projector-1').process.stop('SIGKILL');
    const groupsAlone = await waitFor(
      async () => {
        const groups = await describeGroups(cluster.brokers, groupIds);
        return groupsHealthy(groups, groupIds, 1) ? groups : undefined;
      },
      'the surviving projector to own every partition',
      120_000,
    );
    const rebalancedMs = Date.now() - killedAt;
    endToEndMs = await endToEnd(killedAt);
    progress(
      `  groups rebalanced onto projector-2 after ${seconds(rebalancedMs)}; end to end in ${seconds(endToEndMs)}`,
    );
    await live(await startNamed('projector', 'projector-3'));
    const groupsAfter = await sharedGroups('projector-3 to join every group');
    recoveries.push({
      fault: 'projector-1',
      detected: 'groups rebalanced',
      detectedMs: rebalancedMs,
      endToEndMs,
      repairedMs: Date.now() - killedAt,
    });
    process.stdout.write(
      `\nProjection groups (process and its partitions of the group's topic):\n${table(
        ['group', 'before', 'projector-1 killed', 'projector-3 started'],
        groupIds.map((groupId) => [
          groupId,
          holders(groupsBefore, groupId).join('; '),
          holders(groupsAlone, groupId).join('; '),
          holders(groupsAfter, groupId).join('; '),
        ]),
      )}\n\n`,
    );
    for (const groupId of groupIds) {
      const owners = (groups: GroupView[]) => holders(groups, groupId).map((h) => h.split(' ')[0]);
      expect(owners(groupsBefore)).toEqual(['projector-1', 'projector-2']);
      expect(holders(groupsAlone, groupId)).toEqual(['projector-2 0,1,2']);
      expect(owners(groupsAfter)).toEqual(['projector-2', 'projector-3']);
    }

    // 4. The relay holding the lease: the standby takes over once it has expired.
    const relays = [byName('relay-1'), byName('relay-2')];
    const held = await Promise.all(relays.map((relay) => leaseHeld(relay.port)));
    expect([...held].sort()).toEqual([0, 1]);
    const holder = relays[held.indexOf(1)];
    const standby = relays.find((relay) => relay !== holder)!;
    progress(`fault 4: SIGKILL ${holder.name}, which holds the relay lease`);
    killedAt = Date.now();
    await holder.process.stop('SIGKILL');
    await waitFor(async () => ((await leaseHeld(standby.port)) === 1 ? true : undefined), 'the standby to take over');
    const takeoverMs = Date.now() - killedAt;
    endToEndMs = await endToEnd(killedAt);
    progress(`  ${standby.name} holds the lease after ${seconds(takeoverMs)}; end to end in ${seconds(endToEndMs)}`);
    const replacement = await startNamed('relay', 'relay-3');
    await live(replacement);
    await waitFor(async () => ((await leaseHeld(replacement.port)) === 0 ? true : undefined), 'relay-3 as standby');
    recoveries.push({
      fault: `relay holding the lease (${holder.name})`,
      detected: `${standby.name} holds the lease`,
      detectedMs: takeoverMs,
      endToEndMs,
      repairedMs: Date.now() - killedAt,
    });

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await load.stop();
    progress(`load stopped: ${load.accepted.length} commands answered 2xx, ${load.refused.length} not`);
    expect(load.refused).toEqual([]);

    const verdict: Verdict = await checkEverythingOnce(db, cluster.brokers, load.accepted, progress);
    process.stdout.write(
      `\nTime to recover per fault (SIGKILL at t=0; "end to end": a need posted after the kill is answered by a query):\n` +
        recoveryTable(recoveries) +
        `\n${verdict.summary}\n`,
    );
    expect(verdict.problems).toEqual([]);
  });
});
