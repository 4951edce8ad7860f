import type { Collection, Db, Document } from 'mongodb';

/** The read models, each kept by one projection set (one consumer group over one topic). */
export const readModelsBySet = {
  participants: ['participants', 'former_users'],
  needs: ['needs', 'coverage', 'coverage_totals', 'matchable_needs'],
  pledges: ['pledges', 'matchable_pledges', 'pledge_support_cells', 'pledge_support_entries'],
  allocations: ['allocations', 'support', 'delivery_pairs', 'allocation_support_cells', 'allocation_support_entries'],
  coalitions: ['coalitions'],
  participantAudit: ['participantAudit', 'participantAuditParties'],
  needAudit: ['needAudit', 'needAuditParties'],
  pledgeAudit: ['pledgeAudit', 'pledgeAuditParties'],
  allocationAudit: ['allocationAudit', 'allocationAuditParties'],
  coalitionAudit: ['coalitionAudit', 'coalitionAuditParties'],
} as const;

export type ProjectionSetName = keyof typeof readModelsBySet;
export type ReadModelName = (typeof readModelsBySet)[ProjectionSetName][number];
export const projectionSetNames = Object.keys(readModelsBySet) as ProjectionSetName[];

export const setOfModel = (model: ReadModelName): ProjectionSetName =>
  projectionSetNames.find((set) => (readModelsBySet[set] as readonly string[]).includes(model))!;

/**
 * Names the live generation of a projection set: the collections queries read and the consumer group that keeps them.
 * A rebuild fills a new generation and switches this one document when it has caught up.
 */
export interface ProjectionAlias {
  _id: ProjectionSetName;
  generation: string;
  groupId: string;
  switchedAt?: string;
}

export const aliasCollection = 'read_model_aliases';

/**
 * Kafka group ids are global to the cluster while topics carry KAFKA_TOPIC_PREFIX, so the prefix goes in front of the
 * stored group id: deployments (or test files) sharing a cluster never join each other's groups.
 */
export const consumerGroupOf = (groupId: string, topicPrefix: string): string => `${topicPrefix}${groupId}`;

export const collectionNameOf = (model: ReadModelName, generation: string): string => `rm_${model}_${generation}`;

export const initialAliasOf = (set: ProjectionSetName): ProjectionAlias => ({
  _id: set,
  generation: 'g0',
  groupId: `projector.${set}`,
});

export async function liveAlias(db: Db, set: ProjectionSetName): Promise<ProjectionAlias> {
  const alias = await db.collection<ProjectionAlias>(aliasCollection).findOne({ _id: set });
  return alias ?? initialAliasOf(set);
}

export async function switchAlias(db: Db, alias: ProjectionAlias): Promise<void> {
  await db
    .collection<ProjectionAlias>(aliasCollection)
    .replaceOne({ _id: alias._id }, { ...alias, switchedAt: new Date().toISOString() }, { upsert: true });
}

/** The collection a query reads now: resolved per request, so a switch-over is seen at once. */
export async function liveCollection<T extends Document>(db: Db, model: ReadModelName): Promise<Collection<T>> {
  const alias = await liveAlias(db, setOfModel(model));
  return db.collection<T>(collectionNameOf(model, alias.generation));
}
