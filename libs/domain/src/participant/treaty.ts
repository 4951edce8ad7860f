import type { Pillar } from '../vocabulary';

/**
 * Treaty dates of the Convention on Cluster Munitions (text: context/ccm-article-6.txt and the Convention itself).
 * Art. 17: in force on 1 August 2010 (the first day of the sixth month after the thirtieth instrument, deposited
 * 16 February 2010); for a State depositing later, on the first day of the sixth month after its deposit.
 * Art. 3(2): stockpiles destroyed within 8 years of entry into force for the State; Art. 3(3): extensions of up to
 * 4 years. Art. 4(1): clearance within 10 years; Art. 4(5)–(6): extensions of up to 5 years each, decided by a
 * Meeting of States Parties or a Review Conference.
 */
export const conventionInForce = '2010-08-01';
const thirtiethDeposit = '2010-02-16';

export type TreatyAction = 'signature' | 'ratification' | 'accession' | 'withdrawal';
export const treatyActions: readonly TreatyAction[] = ['signature', 'ratification', 'accession', 'withdrawal'];

export type DeadlineArticle = 'article3' | 'article4';
export const deadlineArticles: readonly DeadlineArticle[] = ['article3', 'article4'];
export type ObligationArticle = DeadlineArticle | 'article5';

export const deadlineRules: Readonly<Record<DeadlineArticle, { years: number; maxExtensionYears: number }>> = {
  article3: { years: 8, maxExtensionYears: 4 },
  article4: { years: 10, maxExtensionYears: 5 },
};

/** The obligation a need serves, from its pillar: capacity building serves no single article. */
export function obligationOfPillar(pillar: Pillar): ObligationArticle | undefined {
  switch (pillar) {
    case 'clearance':
    case 'risk_education':
      return 'article4';
    case 'stockpile_destruction':
      return 'article3';
    case 'victim_assistance':
      return 'article5';
    case 'capacity_building':
      return undefined;
  }
}

export interface TreatyRecord {
  readonly action: TreatyAction;
  /** Signature, deposit of the instrument, or the day a withdrawal took effect. */
  readonly on: string;
  readonly source: string;
}

export interface ExtensionRequest {
  readonly article: DeadlineArticle;
  readonly requestedOn: string;
  readonly requestedUntil: string;
  readonly source?: string;
}

export interface ExtensionDecision {
  readonly article: DeadlineArticle;
  readonly decidedOn: string;
  readonly meeting: string;
  /** Null when the meeting refused the request. */
  readonly grantedUntil: string | null;
  readonly source?: string;
}

export interface Treaty {
  readonly actions: readonly TreatyRecord[];
  readonly extensionRequests: readonly ExtensionRequest[];
  readonly extensionDecisions: readonly ExtensionDecision[];
}

export const emptyTreaty: Treaty = { actions: [], extensionRequests: [], extensionDecisions: [] };

const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return [y, m, d];
};
const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

export const addYears = (date: string, years: number): string => {
  const [y, m, d] = parts(date);
  return iso(y + years, m, d);
};

/** Art. 17: 1 August 2010, or the first day of the sixth month after a later deposit. */
export function entryIntoForceFor(consentOn: string): string {
  if (consentOn.slice(0, 10) <= thirtiethDeposit) return conventionInForce;
  const [y, m] = parts(consentOn);
  return iso(y, m + 6, 1);
}

export const consentOf = (treaty: Treaty): TreatyRecord | undefined =>
  treaty.actions.find((a) => a.action === 'ratification' || a.action === 'accession');

export interface DeadlineView {
  readonly article: DeadlineArticle;
  readonly originalDeadline: string;
  /** The original deadline, or the last one granted by an extension. */
  readonly deadline: string;
  readonly extensions: readonly ExtensionDecision[];
  readonly pendingRequest: ExtensionRequest | null;
}

export interface Obligations {
  readonly signedOn: string | null;
  readonly consent: { readonly action: 'ratification' | 'accession'; readonly on: string } | null;
  readonly entryIntoForce: string | null;
  readonly withdrawalEffectiveOn: string | null;
  /** Bound by Articles 3 and 4: in force for the State and not withdrawn. */
  readonly bound: boolean;
  readonly article3: DeadlineView | null;
  readonly article4: DeadlineView | null;
}

function deadlineOf(treaty: Treaty, article: DeadlineArticle, entryIntoForce: string): DeadlineView {
  const originalDeadline = addYears(entryIntoForce, deadlineRules[article].years);
  const extensions = treaty.extensionDecisions.filter((d) => d.article === article);
  const granted = extensions.filter((d) => d.grantedUntil !== null);
  const requests = treaty.extensionRequests.filter((r) => r.article === article);
  const lastRequest = requests.at(-1);
  const decidedAfter = lastRequest && extensions.some((d) => d.decidedOn >= lastRequest.requestedOn);
  return {
    article,
    originalDeadline,
    deadline: granted.at(-1)?.grantedUntil ?? originalDeadline,
    extensions,
    pendingRequest: lastRequest && !decidedAfter ? lastRequest : null,
  };
}

/** Entry into force and the Article 3 and 4 deadlines, from the State's recorded treaty actions and extensions. */
export function obligationsOf(treaty: Treaty, asOf: string): Obligations {
  const consent = consentOf(treaty);
  const entryIntoForce = consent ? entryIntoForceFor(consent.on) : null;
  const withdrawal = treaty.actions.find((a) => a.action === 'withdrawal');
  const withdrawn = withdrawal !== undefined && withdrawal.on <= asOf.slice(0, 10);
  return {
    signedOn: treaty.actions.find((a) => a.action === 'signature')?.on ?? null,
    consent: consent ? { action: consent.action as 'ratification' | 'accession', on: consent.on } : null,
    entryIntoForce,
    withdrawalEffectiveOn: withdrawal?.on ?? null,
    bound: entryIntoForce !== null && entryIntoForce <= asOf.slice(0, 10) && !withdrawn,
    article3: entryIntoForce ? deadlineOf(treaty, 'article3', entryIntoForce) : null,
    article4: entryIntoForce ? deadlineOf(treaty, 'article4', entryIntoForce) : null,
  };
}
