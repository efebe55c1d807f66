import * as migration_20261126_094535_initial from './20261126_094535_initial';

export const migrations = [
  {
    up: migration_20261126_094535_initial.up,
    down: migration_20261126_094535_initial.down,
    name: '20261126_094535_initial'
  },
];
