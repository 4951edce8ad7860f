import { admin, by } from '../testing/actors';
import { specFor } from '../testing/given-when-then';
import type { ParticipantRegistered } from './events';
import { participantDecider } from './index';

const given = specFor(participantDecider);

const laoRegistered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'LAO',
    name: 'Lao PDR',
    kind: 'state',
    treatyStatus: 'state_party',
    usedClusterMunitionsIn: [],
  },
};

describe('participant', () => {
  describe('registration', () => {
    it('registers a state with its Art. 4(4) territories sorted and unique', () => {
      given()
        .when({
          type: 'RegisterParticipant',
          data: { id: 'USA', name: 'United States', kind: 'state', usedClusterMunitionsIn: ['LAO', 'KHM', 'LAO'] },
          metadata: by(admin),
        })
        .then([
          {
            type: 'ParticipantRegistered',
            data: {
              participantId: 'USA',
              name: 'United States',
              kind: 'state',
              usedClusterMunitionsIn: ['KHM', 'LAO'],
            },
          },
        ]);
    });

    it('registers an organisation under an upper-case slug', () => {
      given()
        .when({
          type: 'RegisterParticipant',
          data: { id: 'UNMAS', name: 'UNMAS', kind: 'organization' },
          metadata: by(admin),
        })
        .then([
          {
            type: 'ParticipantRegistered',
            data: { participantId: 'UNMAS', name: 'UNMAS', kind: 'organization', usedClusterMunitionsIn: [] },
          },
        ]);
    });

    it('refuses a second registration', () => {
      given(laoRegistered)
        .when({ type: 'RegisterParticipant', data: { id: 'LAO', name: 'Laos', kind: 'state' }, metadata: by(admin) })
        .thenFails('ALREADY_EXISTS');
    });

    it.each([
      [{ id: 'LA', name: 'x', kind: 'state' }],
      [{ id: 'UNMAS', name: 'x', kind: 'state' }],
      [{ id: 'unmas', name: 'x', kind: 'organization' }],
      [{ id: 'LAO', name: '', kind: 'state' }],
      [{ id: 'LAO', name: 'x', kind: 'country' }],
      [{ id: 'LAO', name: 'x', kind: 'state', treatyStatus: 'member' }],
      [{ id: 'USA', name: 'x', kind: 'state', usedClusterMunitionsIn: ['laos'] }],
    ])('rejects invalid fields %j', (data) => {
      given()
        .when({ type: 'RegisterParticipant', data, metadata: by(admin) } as never)
        .thenFails('INVALID_FIELD');
    });
  });

  describe('update', () => {
    it('records only what changes', () => {
      given(laoRegistered)
        .when({
          type: 'UpdateParticipant',
          data: { id: 'LAO', name: 'Lao PDR', treatyStatus: 'signatory' },
          metadata: by(admin),
        })
        .then([{ type: 'ParticipantUpdated', data: { participantId: 'LAO', treatyStatus: 'signatory' } }]);
    });

    it('records nothing when nothing changes', () => {
      given(laoRegistered)
        .when({ type: 'UpdateParticipant', data: { id: 'LAO', usedClusterMunitionsIn: [] }, metadata: by(admin) })
        .then([]);
    });

    it('applies updates to the state', () => {
      const { state } = given(laoRegistered, {
        type: 'ParticipantUpdated',
        data: { participantId: 'LAO', name: 'Laos' },
      });
      expect(state).toMatchObject({ id: 'LAO', name: 'Laos', treatyStatus: 'state_party' });
    });

    it('cannot update an unknown participant', () => {
      given()
        .when({ type: 'UpdateParticipant', data: { id: 'LAO', name: 'Laos' }, metadata: by(admin) })
        .thenFails('NOT_FOUND');
    });
  });
});
