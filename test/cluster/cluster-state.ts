import { Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';

/** One consumer group as the group coordinator describes it: its state and which member holds which partitions. */
export interface GroupView {
  groupId: string;
  state: string;
  members: { memberId: string; clientId: string; partitions: string[] }[];
}

/** A short-lived admin client per question, so that a killed broker never leaves a stale connection behind. */
export async function askCluster<T>(brokers: string, ask: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await ask(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function describeGroups(brokers: string, groupIds: string[]): Promise<GroupView[]> {
  const { groups } = await askCluster(brokers, (admin) => admin.describeGroups(groupIds));
  return groups.map((group) => ({
    groupId: group.groupId,
    state: group.state,
    members: group.members.map((member) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      const partitions = Object.entries(decoded?.assignment ?? {}).flatMap(([topic, numbers]) =>
        numbers.map((n) => `${topic}[${n}]`),
      );
      return { memberId: member.memberId, clientId: member.clientId, partitions: partitions.sort() };
    }),
  }));
}

/** Partition → leader and in-sync replicas of the given topics, from a broker's metadata. */
export async function partitionsOf(
  brokers: string,
  topics: string[],
): Promise<{ topic: string; partition: number; leader: number; replicas: number[]; isr: number[] }[]> {
  const metadata = await askCluster(brokers, (admin) => admin.fetchTopicMetadata({ topics }));
  return metadata.topics.flatMap((topic) =>
    topic.partitions.map((p) => ({
      topic: topic.name,
      partition: p.partitionId,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
    })),
  );
}

/** Relay metrics: 1 while it holds the publishing lease, 0 as a standby; undefined when it does not answer. */
export async function leaseHeld(port: number): Promise<number | undefined> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const match = /^relay_lease_held(?:\{[^}]*\})? (\d)/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A table of rows under a header, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
