import * as migration_20261126_100657_initial from './20261126_100657_initial';

export const migrations = [
  {
    up: migration_20261126_100657_initial.up,
    down: migration_20261126_100657_initial.down,
    name: '20261126_100657_initial'
  },
];
