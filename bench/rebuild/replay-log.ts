/**
 * The event log a rebuild benchmark replays: assistance stories (need, pledge, allocation; the integration tests'
 * story), the participants they name and the coalitions those participants form, so that every projection set has
 * work. Stories run in waves of concurrent workflows, as commands would arrive, so a stream's events are spread over
 * the log instead of sitting side by side.
 */
import { storySteps, type StoryStep } from '../../test/support/assistance-story';

/** Concurrent stories: step k of each of them before step k + 1 of any. */
const WAVE = 50;
/** The integration tests' story has one donor and one year; a log of thousands of stories has several of each. */
const DONORS = ['NOR', 'DEU', 'JPN', 'GBR', 'CHE', 'AUS', 'NZL', 'IRL'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** One organisation per this many stories, one coalition per twice as many. */
const STORIES_PER_ORGANISATION = 10;

/** One step, with the story it belongs to (its correlation id). */
export interface LogStep {
  story: string;
  step: StoryStep;
}

/** Story `n` with its donor and recording year varied, so that support cells (donor × year) stay realistic. */
function variedStory(n: number): StoryStep[] {
  const donorId = DONORS[n % DONORS.length];
  const year = String(YEARS[Math.floor(n / DONORS.length) % YEARS.length]);
  const vary = (value: unknown): unknown => {
    if (typeof value === 'string') return value === 'NOR' ? donorId : value.replace(/^2025-/, `${year}-`);
    if (Array.isArray(value)) return value.map(vary);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, vary(inner)]));
    }
    return value;
  };
  return storySteps(n).map(([streamType, id, event]) => [streamType, id, vary(event) as StoryStep[2]]);
}

const organisationOf = (n: number) => `ORG${String(n).padStart(5, '0')}`;

/** The stories' states: registered, with their ratification (as the seed of the demo records them). */
function stateSteps(participantId: string): StoryStep[] {
  const step = (type: string, data: Record<string, unknown>): StoryStep => [
    'participant',
    participantId,
    { type, data: { participantId, ...data } },
  ];
  return [
    step('ParticipantRegistered', {
      name: participantId,
      kind: 'state',
      treatyStatus: 'state_party',
      usedClusterMunitionsIn: [],
    }),
    step('TreatyActionRecorded', { action: 'ratification', on: '2009-03-18', source: 'https://treaties.un.org' }),
  ];
}

/** An operator organisation registers and is renamed once. */
function organisationSteps(n: number): StoryStep[] {
  const participantId = organisationOf(n);
  const step = (type: string, data: Record<string, unknown>): StoryStep => [
    'participant',
    participantId,
    { type, data: { participantId, ...data } },
  ];
  return [
    step('ParticipantRegistered', { name: `Operator ${n}`, kind: 'organization', usedClusterMunitionsIn: [] }),
    step('ParticipantUpdated', { name: `Operator ${n} (regional office)` }),
  ];
}

/** A coalition for an affected state, led by one organisation, joined by two more, one of which leaves. */
function coalitionSteps(n: number, organisations: number): StoryStep[] {
  const coalitionId = `coalition-${n}`;
  const member = (k: number) => organisationOf((n * 2 + k) % organisations);
  const at = '2025-03-01T09:00:00.000Z';
  const step = (type: string, data: Record<string, unknown>): StoryStep => [
    'coalition',
    coalitionId,
    { type, data: { coalitionId, ...data } },
  ];
  return [
    step('CoalitionFormed', {
      name: `Clearance coalition ${n}`,
      affectedStateId: ['LAO', 'VNM', 'KHM'][n % 3],
      leadPartnerId: member(0),
      formedAt: at,
    }),
    step('MemberJoined', { participantId: member(1), joinedAt: at }),
    step('MemberJoined', { participantId: member(2), joinedAt: at }),
    step('MemberLeft', { participantId: member(2), reason: 'programme ended', leftAt: '2025-06-01T09:00:00.000Z' }),
  ];
}

/** At least `events` events, in the order they are published. */
export function* replayLog(events: number): Generator<LogStep> {
  const perStory = storySteps(0).length + 2 / STORIES_PER_ORGANISATION + 4 / (2 * STORIES_PER_ORGANISATION);
  const stories = Math.ceil(events / perStory);
  const organisations = Math.max(3, Math.ceil(stories / STORIES_PER_ORGANISATION));
  for (const state of ['LAO', 'VNM', 'KHM', ...DONORS]) {
    for (const step of stateSteps(state)) yield { story: `participant-${state}`, step };
  }
  for (let n = 0; n < organisations; n++) {
    for (const step of organisationSteps(n)) yield { story: `participant-${n}`, step };
  }
  for (let first = 0; first < stories; first += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, stories - first) }, (_, i) => first + i);
    const steps = wave.map(variedStory);
    for (let k = 0; k < steps[0].length; k++) {
      for (const [i, n] of wave.entries()) yield { story: `story-${n}`, step: steps[i][k] };
    }
    for (const n of wave.filter((story) => story % (2 * STORIES_PER_ORGANISATION) === 0)) {
      const coalition = n / (2 * STORIES_PER_ORGANISATION);
      for (const step of coalitionSteps(coalition, organisations)) yield { story: `coalition-${coalition}`, step };
    }
  }
}
