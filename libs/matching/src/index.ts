export * from './candidates';
export * from './plan';
export * from './portfolio';
