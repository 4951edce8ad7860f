import { Alert, Button, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** Loading, error (the problem's detail, in words) and empty states, the same in every view. */
export function QueryState<T>({
  query,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <Loader aria-label={t('state.loading')} role="status" />;
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t('state.error', { detail: query.error.message })}>
        <Button variant="light" color="red" onClick={() => void query.refetch()}>
          {t('state.retry')}
        </Button>
      </Alert>
    );
  if (isEmpty?.(query.data)) return <Text c="dimmed">{t('state.empty')}</Text>;
  return <>{children(query.data)}</>;
}

export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t('state.error', { detail: (error as Error).message })}>
      {null}
    </Alert>
  );
}
