import * as migration_20261126_094609_initial from './20261126_094609_initial';

export const migrations = [
  {
    up: migration_20261126_094609_initial.up,
    down: migration_20261126_094609_initial.down,
    name: '20261126_094609_initial'
  },
];
