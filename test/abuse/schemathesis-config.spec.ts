import { forbiddenOperations } from './schemathesis-config';

describe('forbiddenOperations', () => {
  const document = {
    paths: {
      '/needs': { post: { description: 'Roles: affected_state, coordinator.' }, get: { description: 'Any role.' } },
      '/participants': { post: { description: 'Roles: admin.' } },
      '/audit/events': { get: {} },
    },
  };

  it('names the command routes whose Roles leave the role out, and nothing the document does not restrict', () => {
    expect(forbiddenOperations(document, 'donor')).toEqual(['POST /needs', 'POST /participants']);
    expect(forbiddenOperations(document, 'admin')).toEqual(['POST /needs']);
    expect(forbiddenOperations(document, 'coordinator')).toEqual(['POST /participants']);
  });
});
