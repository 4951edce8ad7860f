import { AppShell, Badge, Button, Group, NavLink, Select, Text } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveUpdates } from './api/live';
import { completeSignIn } from './auth/oidc';
import { Actor, session } from './auth/session';
import { useI18n } from './i18n/i18n';
import { Language, languages, MessageKey } from './i18n/messages';
import { AllocationsView } from './views/allocations';
import { Article7View } from './views/article7';
import { AuditView, RecordView } from './views/audit';
import { SupportView } from './views/support';
import { CoverageView } from './views/coverage';
import { PlanView } from './views/plan';
import { NeedsView } from './views/needs';
import { PledgesView } from './views/pledges';
import { SignIn, useConsoleConfig } from './views/sign-in';

type Page = 'needs' | 'incoming' | 'pledges' | 'plan' | 'coverage' | 'support' | 'article7' | 'audit' | 'record';

/** What each role may act on; the api stays the authority and refuses anything else. */
const pagesOf: Record<Actor['role'], Page[]> = {
  affected_state: ['needs', 'incoming', 'audit'],
  donor: ['pledges', 'audit'],
  coordinator: ['plan', 'coverage', 'support', 'audit'],
  analyst: ['support', 'article7', 'coverage', 'audit'],
  admin: ['plan', 'coverage', 'support', 'article7', 'audit'],
};

function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return [path, (next) => (history.pushState(null, '', next), setPath(next))];
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const actor = useSyncExternalStore(
    session.subscribe,
    () => session.token(),
    () => undefined,
  )
    ? session.actor()
    : undefined;
  const config = useConsoleConfig();
  const [path, go] = usePath();
  const [returning, setReturning] = useState(true);
  useEffect(() => {
    if (!config.data) return;
    if (!config.data.oidc) return setReturning(false);
    completeSignIn(config.data.oidc)
      .catch((error: unknown) => console.error(error))
      .finally(() => setReturning(false));
  }, [config.data]);
  const languagePicker = (
    <Select
      aria-label={t('app.language')}
      w={120}
      size="xs"
      value={language}
      onChange={(v) => v && setLanguage(v as Language)}
      data={languages.map((l) => ({ value: l, label: { en: 'English', fr: 'Français', es: 'Español' }[l] }))}
      allowDeselect={false}
    />
  );
  if (!actor || returning) {
    return (
      <AppShell header={{ height: 56 }} padding="md">
        <AppShell.Header p="sm">
          <Group justify="space-between">
            <Text fw={700}>{t('app.title')}</Text>
            {languagePicker}
          </Group>
        </AppShell.Header>
        <AppShell.Main>{!returning && <SignIn />}</AppShell.Main>
      </AppShell>
    );
  }
  const pages = pagesOf[actor.role];
  const segments = path.replace(/^\/console\/?/, '').split('/');
  const page = (pages.includes(segments[0] as Page) || segments[0] === 'record' ? segments[0] : pages[0]) as Page;
  return (
    <SignedIn actor={actor} pages={pages} page={page} detail={segments[1]} go={go} languagePicker={languagePicker} />
  );
}

function SignedIn({
  actor,
  pages,
  page,
  detail,
  go,
  languagePicker,
}: {
  actor: Actor;
  pages: Page[];
  page: Page;
  detail?: string;
  go: (path: string) => void;
  languagePicker: React.ReactNode;
}) {
  const { t } = useI18n();
  const live = useLiveUpdates();
  const open = (streamId: string) => go(`/console/record/${streamId}`);
  return (
    <AppShell
      header={{ height: actor.via === 'development' ? 88 : 56 }}
      navbar={{ width: 220, breakpoint: 'sm' }}
      padding="md"
    >
      <AppShell.Header>
        {actor.via === 'development' && (
          <Text bg="red.9" c="white" ta="center" fw={700} py={4} data-testid="dev-banner">
            {t('app.devBanner')}
          </Text>
        )}
        <Group justify="space-between" p="sm">
          <a href="#main" className="skip-link">
            {t('app.skip')}
          </a>
          <Text fw={700}>{t('app.title')}</Text>
          <Group>
            {live && (
              <Badge color="teal" variant="dot">
                {t('app.live')}
              </Badge>
            )}
            <Text size="sm" data-testid="signed-in-as">
              {t('app.signedInAs', { role: t(`role.${actor.role}`), participant: actor.participant ?? '' })}
            </Text>
            {languagePicker}
            <Button size="xs" variant="default" onClick={() => (session.signOut(), go('/console/'))}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="main">
        {pages.map((p) => (
          <NavLink
            key={p}
            href={`/console/${p}`}
            label={t(`nav.${p}` as MessageKey)}
            active={p === page}
            onClick={(e) => (e.preventDefault(), go(`/console/${p}`))}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {page === 'needs' && <NeedsView actor={actor} />}
        {page === 'incoming' && <AllocationsView actor={actor} side="recipient" />}
        {page === 'pledges' && <PledgesView actor={actor} />}
        {page === 'plan' && <PlanView />}
        {page === 'coverage' && <CoverageView />}
        {page === 'support' && <SupportView />}
        {page === 'article7' && <Article7View />}
        {page === 'audit' && <AuditView open={open} />}
        {page === 'record' && detail && <RecordView streamId={detail} />}
      </AppShell.Main>
    </AppShell>
  );
}
