import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { Language, languages, MessageKey, translate } from './messages';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  number: (value: number | string, fractionDigits?: number) => string;
  money: (value: number | string, unit: string) => string;
  date: (value: string) => string;
  dateTime: (value: string) => string;
}

const Context = createContext<I18n | undefined>(undefined);
const stored = 'cm-console-language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(stored);
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  const browser = navigator.language.slice(0, 2);
  return (languages as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const times = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
    document.documentElement.lang = language;
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(stored, next);
        setLanguageState(next);
      },
      t: (key, params) => translate(language, key, params),
      number: (value, fractionDigits) =>
        fractionDigits === undefined
          ? numbers.format(Number(value))
          : new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(Number(value)),
      money: (value, unit) => {
        const amount = Number(value);
        if (/^[A-Z]{3}$/.test(unit))
          return new Intl.NumberFormat(language, { style: 'currency', currency: unit }).format(amount);
        return `${numbers.format(amount)} ${unit.replace(/_/g, ' ')}`;
      },
      date: (value) => dates.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)),
      dateTime: (value) => times.format(new Date(value)),
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(Context);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
