/**
 * Treaty facts of the demo States, each with the public source it was read from. Facts that could not be confirmed
 * from a named source are left out (no other demo State has its dates here yet); add them with their source.
 */
export interface TreatyFact {
  participantId: string;
  kind: 'action' | 'extension_request' | 'extension_decision';
  body: Record<string, unknown>;
}

const monitorLao =
  'Landmine and Cluster Munition Monitor, Lao PDR country profile (cluster munition ban policy), updated 23 August 2014';
const conventionNinthMsp =
  'Convention on Cluster Munitions, 9MSP page (clusterconvention.org/9msp): extension requests considered at the 9MSP';

export const treatyFacts: readonly TreatyFact[] = [
  { participantId: 'LAO', kind: 'action', body: { action: 'signature', on: '2008-12-03', source: monitorLao } },
  { participantId: 'LAO', kind: 'action', body: { action: 'ratification', on: '2009-03-18', source: monitorLao } },
  {
    participantId: 'LAO',
    kind: 'extension_request',
    body: {
      article: 'article4',
      // The date of the request documents (Part A, executive summary) on the Convention's page.
      requestedOn: '2019-02-26',
      // Five years, the most Art. 4(5) allows; the granted deadline below cannot exceed what was asked.
      requestedUntil: '2025-08-01',
      source: conventionNinthMsp,
    },
  },
  {
    participantId: 'LAO',
    kind: 'extension_decision',
    body: {
      article: 'article4',
      // The 9MSP met 2–4 September 2019 (Cluster Munition Coalition, 9MSP page); its last day is recorded, the day
      // of the decision within the meeting is not confirmed.
      decidedOn: '2019-09-04',
      meeting: 'Ninth Meeting of States Parties, Geneva, 2–4 September 2019',
      grantedUntil: '2025-08-01',
      source: `${conventionNinthMsp}; deadline as extended to 1 August 2025`,
    },
  },
  {
    participantId: 'LTU',
    kind: 'action',
    body: {
      action: 'ratification',
      on: '2011-03-24',
      source: 'Cluster Munition Coalition, "Lithuania ratifies treaty banning cluster bombs", 28 March 2011',
    },
  },
  {
    participantId: 'LTU',
    kind: 'action',
    body: {
      action: 'withdrawal',
      on: '2025-03-06',
      source:
        'Withdrawal notified to the UN Secretary-General (depositary) in September 2024, in effect six months later; ' +
        'Lithuanian Ministry of Defence announcement of 6 March 2025',
    },
  },
];

export const treatyFactPath = (fact: TreatyFact): string =>
  fact.kind === 'action'
    ? `/participants/${fact.participantId}/treaty-actions`
    : fact.kind === 'extension_request'
      ? `/participants/${fact.participantId}/deadline-extensions`
      : `/participants/${fact.participantId}/deadline-extensions/decisions`;
