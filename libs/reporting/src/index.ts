export { alpha2Of } from './iati/country-codes';
export { iatiActivitiesXml, iatiActivitiesXmlParts, iatiVersion } from './iati/iati-activities';
export type { IatiActivitiesChunk, IatiActivitiesHead } from './iati/iati-activities';
export * from './iati/iati-input';
export * from './reports';
