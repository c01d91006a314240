import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'jq.locale';
const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** The language the user chose on this device, or null when they never switched. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'zh-CN' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? 'zh-CN');

  useEffect(() => applyToDocument(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale outside LocaleProvider');
  return ctx;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t('dashboard.welcome', { name })` in the current language. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback(
    (key, vars) => {
      const text = DICTIONARIES[locale][key] ?? key;
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
    [locale],
  );
}

/** Picks the right half of the `{ zh, en }` labels that common/roles.ts exports. */
export function useLabel(): (label: { zh: string; en: string } | undefined, fallback?: string) => string {
  const { locale } = useLocale();
  return useCallback((label, fallback = '') => (label ? (locale === 'en' ? label.en : label.zh) : fallback), [locale]);
}
