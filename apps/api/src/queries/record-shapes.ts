import { toNumber, Quantity } from '@cm/domain';

/** A quantity as the api speaks it: `{amount, unit}` with the amount a JSON number. */
export interface QuantityAnswer {
  amount: number;
  unit: string;
}

export const quantityAnswer = (quantity: Quantity): QuantityAnswer => ({
  amount: toNumber(quantity),
  unit: quantity.unit,
});

export const optionalQuantityAnswer = (quantity: Quantity | undefined): QuantityAnswer | undefined =>
  quantity && quantityAnswer(quantity);
