import { convert, DomainError, isCurrency, usdValueOf, type Quantity, type RateBasis } from '@cm/domain';
import type { ReportAllocation } from './report-input';

/** A converted figure names its rate, the day or year of that rate, and its source. */
export interface UsdFigure {
  amount: string;
  rate: string;
  rateYear: number;
  rateDate: string;
  source: string;
  basis: RateBasis;
  lastYearFallback: boolean;
}

/** History is not rewritten: the allocation keeps its recorded rate; the report says what the newer table gives. */
export interface RateRevision {
  needAmount: Quantity;
  recorded: { rate: string; rateDate: string; source: string; table: string | null };
  current: { rate: string; rateDate: string; source: string; table: string; needAmount: Quantity };
}

/** The USD value of a money amount at the reference rate of its date; undefined for goods or a missing rate. */
export function usdOf(amount: Quantity, date: string, basis: RateBasis): UsdFigure | undefined {
  if (!isCurrency(amount.unit)) return undefined;
  try {
    const conversion = usdValueOf(amount, date, basis);
    return {
      amount: conversion.quantity.amount,
      rate: conversion.rate,
      rateYear: conversion.rateYear,
      rateDate: conversion.rateDate,
      source: conversion.source,
      basis,
      lastYearFallback: conversion.lastYearFallback,
    };
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** What the rate table in force would give for a commitment's recorded conversion, if it differs. */
export function rateRevisionOf(allocation: ReportAllocation, date: string): RateRevision | undefined {
  const recorded = allocation.exchangeRate;
  if (!recorded || !allocation.needAmount) return undefined;
  try {
    const current = convert(allocation.amount, allocation.needAmount.unit, date, recorded.basis ?? 'annual');
    if (current.rate === recorded.rate) return undefined;
    return {
      needAmount: allocation.needAmount,
      recorded: {
        rate: recorded.rate,
        rateDate: recorded.rateDate,
        source: recorded.source,
        table: recorded.table ?? null,
      },
      current: {
        rate: current.rate,
        rateDate: current.rateDate,
        source: current.source,
        table: current.table ?? '',
        needAmount: current.quantity,
      },
    };
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}
