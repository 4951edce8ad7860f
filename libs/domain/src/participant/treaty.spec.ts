import { admin, by } from '../testing/actors';
import type { ParticipantEvent } from './events';
import { entryIntoForceFor, obligationOfPillar, obligationsOf } from './treaty';
import { given, lao, laoRatified, treatyOf } from './treaty.fixtures';

describe('entry into force (Art. 17)', () => {
  it('is 1 August 2010 for an instrument deposited up to the thirtieth, on 16 February 2010', () => {
    expect(entryIntoForceFor('2009-03-18')).toBe('2010-08-01');
    expect(entryIntoForceFor('2010-02-16')).toBe('2010-08-01');
  });

  it('is the first day of the sixth month after a later deposit', () => {
    expect(entryIntoForceFor('2010-02-17')).toBe('2010-08-01');
    expect(entryIntoForceFor('2011-03-24')).toBe('2011-09-01');
    expect(entryIntoForceFor('2015-09-30')).toBe('2016-03-01');
  });
});

describe('deadlines (Art. 3 and 4)', () => {
  it('on time: Lao PDR, ratified 18 March 2009, owes stockpile destruction by 2018 and clearance by 2020', () => {
    const obligations = obligationsOf(treatyOf([lao, laoRatified]), '2015-01-01');
    expect(obligations).toMatchObject({
      consent: { action: 'ratification', on: '2009-03-18' },
      entryIntoForce: '2010-08-01',
      bound: true,
      article3: { originalDeadline: '2018-08-01', deadline: '2018-08-01', pendingRequest: null },
      article4: { originalDeadline: '2020-08-01', deadline: '2020-08-01' },
    });
  });

  // The issue gives the deadlines (2020, extended to 2025); the request and decision days and the meeting's name
  // here are illustrative, not facts.
  it('extended: the Lao Art. 4 deadline granted until 1 August 2025', () => {
    given(lao, laoRatified)
      .when({
        type: 'RequestDeadlineExtension',
        data: { id: 'LAO', article: 'article4', requestedOn: '2019-03-01', requestedUntil: '2025-08-01' },
        metadata: by(admin),
      })
      .then([
        {
          type: 'DeadlineExtensionRequested',
          data: { participantId: 'LAO', article: 'article4', requestedOn: '2019-03-01', requestedUntil: '2025-08-01' },
        },
      ]);
    const requested: ParticipantEvent = {
      type: 'DeadlineExtensionRequested',
      data: { participantId: 'LAO', article: 'article4', requestedOn: '2019-03-01', requestedUntil: '2025-08-01' },
    };
    const decided: ParticipantEvent = {
      type: 'DeadlineExtensionDecided',
      data: {
        participantId: 'LAO',
        article: 'article4',
        decidedOn: '2019-09-04',
        meeting: 'Meeting of States Parties (illustrative)',
        grantedUntil: '2025-08-01',
      },
    };
    given(lao, laoRatified, requested)
      .when({
        type: 'DecideDeadlineExtension',
        data: {
          id: 'LAO',
          article: 'article4',
          decidedOn: '2019-09-04',
          meeting: 'Meeting of States Parties (illustrative)',
          grantedUntil: '2025-08-01',
        },
        metadata: by(admin),
      })
      .then([decided]);
    given(lao, laoRatified, requested)
      .when({
        type: 'DecideDeadlineExtension',
        data: { id: 'LAO', article: 'article4', decidedOn: '2019-02-28', meeting: 'Special', grantedUntil: null },
        metadata: by(admin),
      })
      .thenFails('DATE_OUT_OF_ORDER');
    const obligations = obligationsOf(treatyOf([lao, laoRatified, requested, decided]), '2024-01-01');
    expect(obligations.article4).toMatchObject({ originalDeadline: '2020-08-01', deadline: '2025-08-01' });
    expect(obligations.article4?.pendingRequest).toBeNull();
  });

  it('refuses an extension longer than the article allows, or asked after the deadline', () => {
    const ask = (article: string, requestedOn: string, requestedUntil: string) => ({
      type: 'RequestDeadlineExtension' as const,
      data: { id: 'LAO', article, requestedOn, requestedUntil },
      metadata: by(admin),
    });
    given(lao, laoRatified)
      .when(ask('article4', '2019-03-01', '2025-08-02'))
      .thenFails('EXTENSION_TOO_LONG');
    given(lao, laoRatified)
      .when(ask('article3', '2017-03-01', '2022-08-02'))
      .thenFails('EXTENSION_TOO_LONG');
    given(lao, laoRatified)
      .when(ask('article4', '2020-08-02', '2025-08-01'))
      .thenFails('DEADLINE_PASSED');
  });

  it('refuses a decision without a pending request', () => {
    given(lao, laoRatified)
      .when({
        type: 'DecideDeadlineExtension',
        data: { id: 'LAO', article: 'article4', decidedOn: '2019-09-04', meeting: 'Ninth MSP', grantedUntil: null },
        metadata: by(admin),
      })
      .thenFails('INVALID_TRANSITION');
  });
});

describe('the obligation a need serves', () => {
  it('maps clearance and risk education to Art. 4, stockpile destruction to Art. 3, victim assistance to Art. 5', () => {
    expect(obligationOfPillar('clearance')).toBe('article4');
    expect(obligationOfPillar('risk_education')).toBe('article4');
    expect(obligationOfPillar('stockpile_destruction')).toBe('article3');
    expect(obligationOfPillar('victim_assistance')).toBe('article5');
    expect(obligationOfPillar('capacity_building')).toBeUndefined();
  });
});
