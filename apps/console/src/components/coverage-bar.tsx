import { Progress, Text, Tooltip } from '@mantine/core';
import type { Quantity } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** Delivered and allocated-but-not-delivered as shares of the requested quantity; the rest is what remains. */
export function CoverageBar({
  quantity,
  allocated,
  delivered,
}: {
  quantity: Quantity;
  allocated: Quantity;
  delivered: Quantity;
}) {
  const { t, money } = useI18n();
  const total = quantity.amount || 1;
  const deliveredShare = (100 * delivered.amount) / total;
  const allocatedShare = (100 * Math.max(0, allocated.amount - delivered.amount)) / total;
  const label = `${t('field.delivered')} ${money(delivered.amount, delivered.unit)}, ${t('field.allocated')} ${money(allocated.amount, allocated.unit)}, ${t('field.requested')} ${money(quantity.amount, quantity.unit)}`;
  return (
    <Tooltip label={label}>
      <div>
        <Progress.Root size="lg">
          <Progress.Section value={deliveredShare} color="teal" aria-label={t('field.delivered')} />
          <Progress.Section value={allocatedShare} color="blue" aria-label={t('field.allocated')} />
        </Progress.Root>
        <Text size="xs">{label}</Text>
      </div>
    </Tooltip>
  );
}
