export * from './core/index';
export * from './elements/index';
