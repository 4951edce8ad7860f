import { compatibilityClasses } from './compatibility-classes';
import { indexPlanInput } from './plan-input';

describe('compatibility classes', () => {
  const needs = ['a', 'b', 'c', 'd'].map((id) => ({ id, priority: 'high' as const, remaining: 10n }));
  const pledges = ['p', 'q', 'r', 'empty'].map((id) => ({ id, remaining: id === 'empty' ? 0n : 10n }));
  const arcs = [
    ['p', 'a'],
    ['q', 'a'],
    ['q', 'b'],
    ['p', 'b'],
    ['r', 'c'],
    ['empty', 'd'],
  ].map(([pledgeId, needId]) => ({ pledgeId, needId }));

  it('groups needs and pledges with identical neighbourhoods, numbered in id order', () => {
    const classes = compatibilityClasses(indexPlanInput(needs, pledges, arcs));
    expect([...classes.needClassOf]).toEqual([0, 0, 1, -1]);
    expect([...classes.pledgeClassOf]).toEqual([-1, 0, 0, 1]);
    expect([...classes.pledgeClassStart]).toEqual([0, 1, 2]);
    expect([...classes.needClassesOfPledgeClass]).toEqual([0, 1]);
  });
});
