export { alpha2Of } from './iati/country-codes';
export { iatiActivitiesXml, iatiVersion } from './iati/iati-activities';
export * from './iati/iati-input';
export * from './reports';
