/**
 * The longest text each kind of field accepts, in characters. The request DTOs and the deciders both check these, so
 * a request the API accepts is never refused by the domain for its length, and the OpenAPI document states the same.
 */

/** Record ids: needs, pledges, allocations, deliveries, coalitions. */
export const maxIdLength = 100;
/** Titles, names, places, meetings and delivery references: one line. */
export const maxTitleLength = 200;
/** Public sources and national plans: a citation. */
export const maxSourceLength = 500;
/** Reasons and notes: a paragraph. */
export const maxReasonLength = 2_000;
/** Descriptions and pledge conditions: a page. */
export const maxDescriptionLength = 10_000;
/** An acting user's subject (the token's `sub`) or the participant it acted for, as the audit log searches it. */
export const maxActorLength = 200;
