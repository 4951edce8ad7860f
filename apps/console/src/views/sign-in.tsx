import { Alert, Button, Card, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem } from '../api/client';
import { beginSignIn, OidcSettings } from '../auth/oidc';
import { Actor, session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

export interface ConsoleConfig {
  oidc: OidcSettings | null;
  devSignIn: boolean;
}

export const useConsoleConfig = () =>
  useQuery({ queryKey: ['console-config'], queryFn: () => api<ConsoleConfig>('/console/config'), staleTime: Infinity });

const roles: Actor['role'][] = ['affected_state', 'donor', 'coordinator', 'analyst', 'admin'];

export function SignIn() {
  const { t } = useI18n();
  const config = useConsoleConfig();
  const [role, setRole] = useState<Actor['role']>('affected_state');
  const [participant, setParticipant] = useState('LAO');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const devSignIn = async () => {
    try {
      const { token } = await api<{ token: string }>('/console/dev-token', {
        method: 'POST',
        body: { role, ...(participant && { participant }) },
      });
      session.signIn(token, 'development');
    } catch (error) {
      setProblem(error as ApiProblem);
    }
  };
  return (
    <Stack maw={480} mx="auto" mt="xl">
      <Title order={1}>{t('signIn.title')}</Title>
      {config.data?.oidc ? (
        <Button size="md" onClick={() => void beginSignIn(config.data!.oidc!)}>
          {t('signIn.oidc')}
        </Button>
      ) : (
        <Alert color="gray">{t('signIn.noOidc')}</Alert>
      )}
      {config.data?.devSignIn && (
        <Card withBorder style={{ borderColor: 'var(--mantine-color-red-9)', borderWidth: 3 }}>
          <Title order={2} size="h3">
            {t('signIn.devTitle')}
          </Title>
          <Alert color="red" my="sm">
            {t('signIn.devWarning')}
          </Alert>
          <form onSubmit={(event) => (event.preventDefault(), void devSignIn())}>
            <Stack>
              <Select
                label={t('signIn.role')}
                value={role}
                onChange={(value) => value && setRole(value as Actor['role'])}
                data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
                allowDeselect={false}
              />
              <TextInput
                label={t('signIn.participant')}
                value={participant}
                onChange={(event) => setParticipant(event.currentTarget.value.toUpperCase())}
                error={problem?.fieldError('participant')}
              />
              <Button type="submit" color="red.9">
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
