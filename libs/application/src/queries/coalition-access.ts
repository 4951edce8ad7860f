import { Inject, Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import { Actor } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { CoalitionView, liveCollection } from '@cm/read-models';
import { mayReadStream } from '../audit/stream-parties';
import { forbidden, notFound } from './query-errors';

/** A coalition's reach in matching: its State's needs and the pledges of its lead and supporting partners. */
export interface CoalitionScope {
  coalitionId: string;
  recipientId: string;
  donorIds: string[];
}

/**
 * Who may see a coalition: staff (admin, coordinator, analyst) and its current members, as for the streams a
 * participant is party to. Anyone else is refused with 403, as the audit routes refuse a stream of others.
 */
@Injectable()
export class CoalitionAccess {
  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  async readable(actor: Actor, coalitionId: string): Promise<CoalitionView> {
    const coalitions = await liveCollection<CoalitionView>(this.db, 'coalitions');
    const coalition = await coalitions.findOne({ _id: coalitionId });
    if (!coalition) throw notFound(`coalition ${coalitionId} does not exist`);
    if (!mayReadStream(actor, coalition.memberIds)) {
      throw forbidden(`${actor.role} ${actor.participantId ?? actor.sub} is not a member of coalition ${coalitionId}`);
    }
    return coalition;
  }

  /** What matching may use when filtered to a coalition the actor may see. */
  async scopeFor(actor: Actor, coalitionId: string): Promise<CoalitionScope> {
    const coalition = await this.readable(actor, coalitionId);
    const donorIds = coalition.memberIds.filter((id) => id !== coalition.affectedStateId);
    return { coalitionId, recipientId: coalition.affectedStateId, donorIds };
  }

  /** Staff list every coalition; a participant only those it is a current member of. */
  listFilterFor(actor: Actor): { memberIds?: string } {
    if (mayReadStream(actor, [])) return {};
    if (actor.participantId === undefined) throw forbidden(`${actor.role} ${actor.sub} acts for no participant`);
    return { memberIds: actor.participantId };
  }
}
