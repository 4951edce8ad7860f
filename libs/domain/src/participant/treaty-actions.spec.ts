import { admin, by } from '../testing/actors';
import type { ParticipantEvent } from './events';
import { obligationsOf } from './treaty';
import { given, lao, laoRatified, registered, source, treatyOf } from './treaty.fixtures';

describe('withdrawal', () => {
  const lithuania = registered('LTU', 'Lithuania');
  const ratified: ParticipantEvent = {
    type: 'TreatyActionRecorded',
    data: { participantId: 'LTU', action: 'ratification', on: '2011-03-24', source },
  };
  const withdrawal: ParticipantEvent = {
    type: 'TreatyActionRecorded',
    data: { participantId: 'LTU', action: 'withdrawal', on: '2025-03-06', source },
  };

  it('records a withdrawal taking effect, after which the State is no longer bound', () => {
    given(lithuania, ratified)
      .when({
        type: 'RecordTreatyAction',
        data: { id: 'LTU', action: 'withdrawal', on: '2025-03-06', source },
        metadata: by(admin),
      })
      .then([withdrawal]);
    const treaty = treatyOf([lithuania, ratified, withdrawal]);
    expect(obligationsOf(treaty, '2025-03-05').bound).toBe(true);
    expect(obligationsOf(treaty, '2025-03-06')).toMatchObject({ bound: false, withdrawalEffectiveOn: '2025-03-06' });
  });

  it('refuses extensions for a State that withdrew, and a withdrawal without consent', () => {
    given(lithuania, ratified, withdrawal)
      .when({
        type: 'RequestDeadlineExtension',
        data: { id: 'LTU', article: 'article4', requestedOn: '2025-06-01', requestedUntil: '2026-01-01' },
        metadata: by(admin),
      })
      .thenFails('INVALID_TRANSITION');
    given(lithuania)
      .when({
        type: 'RecordTreatyAction',
        data: { id: 'LTU', action: 'withdrawal', on: '2025-03-06', source },
        metadata: by(admin),
      })
      .thenFails('INVALID_TRANSITION');
  });
});

describe('recording treaty actions', () => {
  it('takes each action once, ratification or accession but not both, for States only, never in the future', () => {
    const record = (id: string, action: string, on: string) => ({
      type: 'RecordTreatyAction' as const,
      data: { id, action, on, source },
      metadata: by(admin),
    });
    given(lao, laoRatified)
      .when(record('LAO', 'ratification', '2009-03-19'))
      .thenFails('ALREADY_EXISTS');
    given(lao, laoRatified)
      .when(record('LAO', 'accession', '2009-03-19'))
      .thenFails('INVALID_TRANSITION');
    given(registered('UNMAS', 'UNMAS', 'organization'))
      .when(record('UNMAS', 'signature', '2008-12-03'))
      .thenFails('INELIGIBLE_PARTICIPANT');
    given(lao)
      .when(record('LAO', 'signature', '2099-01-01'))
      .thenFails('DATE_IN_FUTURE');
  });
});
