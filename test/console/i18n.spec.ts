import { en } from '../../apps/console/src/i18n/en';
import { languages, messages, translate } from '../../apps/console/src/i18n/messages';

/** Every string of the console in the convention's three working languages: a missing key fails here. */
describe('console translations', () => {
  const keys = Object.keys(en).sort();
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(languages)('%s has exactly the keys of English, none empty', (language) => {
    const table = messages[language] as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual(keys);
    expect(Object.entries(table).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(languages)('%s keeps the placeholders of every English string', (language) => {
    const table = messages[language] as Record<string, string>;
    const broken = keys.filter(
      (key) => placeholders(table[key]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(broken).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s translates the strings a person reads (not a copy of English)', (language) => {
    const same = keys.filter((key) => messages[language][key as keyof typeof en] === en[key as keyof typeof en]);
    // Only names and codes may stay as they are (USD, Article 7's number, "Audit", "Score", "Actions", "Date"…).
    expect(same.length).toBeLessThan(keys.length / 10);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(translate('fr', 'needs.title', { participant: 'LAO' })).toBe('Besoins de LAO');
    expect(translate('es', 'plan.progress', { done: 3 })).toBe('Aplicadas 3 de {total}');
  });
});
