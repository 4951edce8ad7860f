import type { DeliveryStatus } from '@cm/domain';
import type { AllocationView, ParticipantView, PledgeView } from '@cm/read-models';
import type { IatiActivitiesInput, IatiOrganisation } from '@cm/reporting';

const organisationOf = (participant: ParticipantView): IatiOrganisation => ({
  id: participant.id,
  name: participant.name,
  kind: participant.kind,
});

/** The donor's read models as the IATI builder takes them: only confirmed deliveries are disbursements; disputed ones are named apart. */
export function iatiInputOf(
  source: {
    donor: ParticipantView;
    pledges: PledgeView[];
    allocations: AllocationView[];
    recipients: ParticipantView[];
  },
  generatedAt: string,
): IatiActivitiesInput {
  const { donor, pledges, allocations, recipients } = source;
  const updated = [donor, ...pledges, ...allocations].map((doc) => doc.updatedAt).sort();
  return {
    donor: organisationOf(donor),
    generatedAt,
    lastUpdatedAt: updated.at(-1) ?? generatedAt,
    recipients: recipients.map(organisationOf),
    pledges: pledges.map((pledge) => ({
      id: pledge.id,
      assistanceType: pledge.assistanceType,
      pillars: pledge.pillars,
      ...(pledge.category !== undefined && { category: pledge.category }),
      quantity: pledge.quantity,
      ...(pledge.recipientId !== undefined && { recipientId: pledge.recipientId }),
      ...(pledge.pledgedOn !== undefined && { pledgedOn: pledge.pledgedOn }),
      submittedAt: pledge.submittedAt,
      ...(pledge.validUntil !== undefined && { validUntil: pledge.validUntil }),
      ...(pledge.conditions !== undefined && { conditions: pledge.conditions }),
      status: pledge.status,
    })),
    allocations: allocations.map((allocation) => ({
      id: allocation.id,
      pledgeId: allocation.pledgeId,
      needId: allocation.needId,
      recipientId: allocation.recipientId,
      amount: allocation.amount,
      confirmed: allocation.confirmed,
      ...(allocation.committedOn !== undefined && { committedOn: allocation.committedOn }),
      requestedAt: allocation.requestedAt,
      status: allocation.status,
    })),
    deliveries: deliveriesOf(allocations, 'confirmed'),
    disputedDeliveries: deliveriesOf(allocations, 'disputed'),
  };
}

const deliveriesOf = (allocations: AllocationView[], status: DeliveryStatus) =>
  allocations.flatMap((allocation) =>
    Object.values(allocation.deliveries)
      .filter((delivery) => delivery.status === status)
      .map((delivery) => ({
        id: delivery.id,
        allocationId: allocation.id,
        amount: delivery.amount,
        deliveredOn: delivery.deliveredOn,
        ...(delivery.reference !== undefined && { reference: delivery.reference }),
      })),
  );
