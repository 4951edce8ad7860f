import { en, MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';

export const languages = ['en', 'fr', 'es'] as const;
export type Language = (typeof languages)[number];
export const messages: Record<Language, Record<MessageKey, string>> = { en, fr, es };
export type { MessageKey };

/** `{name}` placeholders, filled from params; a placeholder with no param stays visible rather than vanishing. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
