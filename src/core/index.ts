export * from './types';
export * from './bundle-format';
