export * from './matchables';
export * from './matching-projection';
